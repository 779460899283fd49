using System.Globalization;
using System.Text.Json;
using SocialBot.Core.Configuration;

namespace SocialBot.Functions.Hosting;

/// <summary>
/// host.json <c>extensions.queues</c>, with the Functions host's defaults: the one source of the queue options. The
/// Functions host reads them itself; the app reads <c>messageEncoding</c> (to encode what it writes) and the local host
/// reads all of them.
/// </summary>
public sealed record QueueHostSettings
{
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    public int BatchSize { get; init; } = 16;

    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>A new batch is fetched when in-flight messages drop to this number (host default: batchSize / 2 on one instance).</summary>
    public int NewBatchThreshold => ConfiguredNewBatchThreshold ?? BatchSize / 2;

    public int? ConfiguredNewBatchThreshold { get; init; }

    public bool Base64 { get; init; } = true;

    public const string FileName = "host.json";

    /// <summary>Reads <c>host.json</c> from <paramref name="appRoot"/>; the defaults when there is none.</summary>
    public static QueueHostSettings Load(string appRoot)
    {
        var path = Path.Combine(appRoot, FileName);
        return File.Exists(path) ? FromHostJson(File.ReadAllText(path)) : new QueueHostSettings();
    }

    public static QueueHostSettings FromHostJson(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var settings = new QueueHostSettings();
        if (!document.RootElement.TryGetProperty("extensions", out var extensions) || !extensions.TryGetProperty("queues", out var queues))
        {
            return settings;
        }

        foreach (var property in queues.EnumerateObject())
        {
            var key = $"host.json extensions:queues:{property.Name}";
            settings = property.Name.ToLowerInvariant() switch
            {
                "maxpollinginterval" => settings with { MaxPollingInterval = Duration(property.Value, key, TimeSpan.FromMilliseconds(100)) },
                "visibilitytimeout" => settings with { VisibilityTimeout = Duration(property.Value, key, TimeSpan.Zero) },
                "batchsize" => settings with { BatchSize = Number(property.Value, key, 1, 32) },
                "newbatchthreshold" => settings with { ConfiguredNewBatchThreshold = Number(property.Value, key, 0, 1000) },
                "maxdequeuecount" => settings with { MaxDequeueCount = Number(property.Value, key, 1, 1000) },
                "messageencoding" => settings with { Base64 = Encoding(property.Value, key) },
                _ => settings,
            };
        }

        return settings;
    }

    private static TimeSpan Duration(JsonElement value, string key, TimeSpan minimum)
    {
        if (value.ValueKind == JsonValueKind.String
            && TimeSpan.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var duration)
            && duration >= minimum)
        {
            return duration;
        }

        throw new SocialBotConfigurationException(key, $"'{value}' is not a duration (hh:mm:ss) of at least {minimum}");
    }

    private static int Number(JsonElement value, string key, int min, int max) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max
            ? number
            : throw new SocialBotConfigurationException(key, $"'{value}' is not a whole number from {min} to {max}");

    private static bool Encoding(JsonElement value, string key) => value.GetString()?.ToLowerInvariant() switch
    {
        "base64" => true,
        "none" => false,
        _ => throw new SocialBotConfigurationException(key, $"'{value}' is not base64 or none"),
    };
}
