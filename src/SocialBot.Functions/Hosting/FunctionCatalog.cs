using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using SocialBot.Core.Configuration;

namespace SocialBot.Functions.Hosting;

/// <summary>
/// Reads the Functions app layout (host.json and each function's function.json) so standalone mode runs with exactly
/// the settings the Functions host would use: one source of truth for queue names, batch size, visibility, dequeue count,
/// polling interval and message encoding.
/// </summary>
internal sealed partial class FunctionCatalog
{
    private FunctionCatalog(QueueHostSettings settings, IReadOnlyList<QueueFunction> functions)
    {
        Settings = settings;
        Functions = functions;
    }

    public QueueHostSettings Settings { get; }

    public IReadOnlyList<QueueFunction> Functions { get; }

    public static FunctionCatalog Load(string appRoot, IConfiguration configuration)
    {
        var hostPath = Path.Combine(appRoot, "host.json");
        if (!File.Exists(hostPath))
        {
            throw new SocialBotConfigurationException("host.json", $"not found in {appRoot}");
        }

        var settings = QueueHostSettings.FromHostJson(File.ReadAllText(hostPath));
        var functions = new List<QueueFunction>();
        foreach (var directory in Directory.GetDirectories(appRoot).Order(StringComparer.Ordinal))
        {
            var functionJson = Path.Combine(directory, "function.json");
            if (!File.Exists(functionJson))
            {
                continue;
            }

            using var document = JsonDocument.Parse(File.ReadAllText(functionJson));
            foreach (var binding in document.RootElement.GetProperty("bindings").EnumerateArray())
            {
                if (binding.GetProperty("type").GetString() != "queueTrigger")
                {
                    continue;
                }

                var name = Path.GetFileName(directory);
                var queue = Resolve(binding.GetProperty("queueName").GetString()!, configuration, $"{name}/function.json queueName");
                functions.Add(new QueueFunction(name, binding.GetProperty("name").GetString()!, queue, binding.TryGetProperty("connection", out var connection) ? connection.GetString()! : "AzureWebJobsStorage"));
            }
        }

        return new FunctionCatalog(settings, functions);
    }

    /// <summary>
    /// The settings function.json references resolve against: the app's configuration over the embedded defaults, with
    /// every queue name filled in from <see cref="QueueNamesOptions"/> (so a configuration that sets some queue names
    /// still resolves the others to their defaults, as the app itself does).
    /// </summary>
    public static IConfiguration SettingsFor(IConfiguration configuration)
    {
        var effective = SocialBotConfiguration.WithDefaults(configuration);
        var queues = new QueueNamesOptions();
        effective.GetSection($"{SocialBotOptions.SectionName}:Queues").Bind(queues);
        var names = typeof(QueueNamesOptions).GetProperties()
            .Where(property => property.PropertyType == typeof(string))
            .ToDictionary(property => $"{SocialBotOptions.SectionName}:Queues:{property.Name}", property => (string?)property.GetValue(queues));
        return new ConfigurationBuilder().AddInMemoryCollection(names).AddConfiguration(effective).Build();
    }

    /// <summary>Expands <c>%Setting%</c> as the Functions host does, from configuration (<c>__</c> maps to <c>:</c>).</summary>
    public static string Resolve(string value, IConfiguration configuration, string where) =>
        SettingReference().Replace(value, match =>
        {
            var key = match.Groups[1].Value;
            return configuration[key] ?? configuration[key.Replace("__", ":", StringComparison.Ordinal)]
                ?? throw new SocialBotConfigurationException(key, $"is not set (referenced by {where})");
        });

    [GeneratedRegex("%([^%]+)%", RegexOptions.CultureInvariant)]
    private static partial Regex SettingReference();
}

/// <summary>A queue-triggered function: its name (the folder and the handler route), binding name and resolved queue.</summary>
internal sealed record QueueFunction(string Name, string BindingName, string QueueName, string Connection);

/// <summary>host.json <c>extensions.queues</c>, with the Functions host's defaults.</summary>
internal sealed record QueueHostSettings
{
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    public int BatchSize { get; init; } = 16;

    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>A new batch is fetched when in-flight messages drop to this number (host default: batchSize / 2 on one instance).</summary>
    public int NewBatchThreshold => ConfiguredNewBatchThreshold ?? BatchSize / 2;

    public int? ConfiguredNewBatchThreshold { get; init; }

    public bool Base64 { get; init; } = true;

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
