using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialBot.Core.Serialization;

/// <summary>The JSON conventions on every wire SocialBot owns: camelCase, enums as camelCase strings, nulls written.</summary>
public static partial class SocialBotJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions(writeIndented: false);

    public static JsonSerializerOptions Indented { get; } = CreateOptions(writeIndented: true);

    /// <summary>
    /// Serializes compactly for size-limited transports (a queue message is at most 64 KiB): System.Text.Json escapes
    /// every character outside the Basic Multilingual Plane as two <c>\uXXXX</c> escapes (12 bytes for one emoji), so
    /// this writes such pairs back as the characters themselves (4 bytes in UTF-8), which is equally valid JSON.
    /// </summary>
    public static string SerializeCompact<T>(T value)
    {
        var json = JsonSerializer.Serialize(value, Options);
        return json.Contains("\\uD", StringComparison.OrdinalIgnoreCase) ? EscapedSurrogatePair().Replace(json, UnescapePair) : json;
    }

    private static string UnescapePair(System.Text.RegularExpressions.Match match)
    {
        var high = (char)Convert.ToInt32(match.Groups[1].Value, 16);
        var low = (char)Convert.ToInt32(match.Groups[2].Value, 16);
        return new string([high, low]);
    }

    // A \uD8xx-\uDBxx escape followed by a \uDCxx-\uDFxx escape, not itself preceded by an escaped backslash.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=(?:^|[^\\])(?:\\\\)*)\\u(D[89ABab][0-9A-Fa-f]{2})\\u(D[C-Fc-f][0-9A-Fa-f]{2})", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex EscapedSurrogatePair();

    private static JsonSerializerOptions CreateOptions(bool writeIndented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = writeIndented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
