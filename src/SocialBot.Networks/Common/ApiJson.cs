using System.Globalization;
using System.Text.Json;

namespace SocialBot.Networks.Common;

/// <summary>
/// Reads fields of an API response; a missing or mistyped required field is a <see cref="NetworkApiException"/>
/// naming the network, the operation and the JSON path, so a malformed page fails the poll (the cursor stays).
/// </summary>
public readonly struct ApiJson
{
    private readonly string _context;

    public ApiJson(string network, string operation)
    {
        _context = $"{network} {operation}";
    }

    public NetworkApiException Malformed(string path, string problem) =>
        new($"{_context}: malformed response: {path} {problem}");

    public string RequiredString(JsonElement element, string name, string path)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value))
        {
            if (value.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(value.GetString()))
            {
                return value.GetString()!;
            }

            // Ids are strings in these APIs; accept a number written as one.
            if (value.ValueKind == JsonValueKind.Number)
            {
                return value.GetRawText();
            }

            throw Malformed($"{path}.{name}", $"should be a non-empty string, is {value.ValueKind.ToString().ToLowerInvariant()}");
        }

        throw Malformed($"{path}.{name}", "is missing");
    }

    public static string? OptionalString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool OptionalBool(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public JsonElement RequiredObject(JsonElement element, string name, string path)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        throw Malformed($"{path}.{name}", "should be an object");
    }

    /// <summary>The array, or empty when the property is absent or null (APIs omit empty lists); any other kind is malformed.</summary>
    public IEnumerable<JsonElement> OptionalArray(JsonElement element, string name, string path)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Malformed($"{path}.{name}", $"should be an array, is {value.ValueKind.ToString().ToLowerInvariant()}");
        }

        return value.EnumerateArray();
    }

    public IEnumerable<JsonElement> RootArray(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw Malformed("$", $"should be an array, is {root.ValueKind.ToString().ToLowerInvariant()}");
        }

        return root.EnumerateArray();
    }

    public DateTimeOffset Instant(JsonElement element, string name, string path, DateTimeOffset fallback)
    {
        var text = OptionalString(element, name);
        if (text is null)
        {
            return fallback;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw Malformed($"{path}.{name}", "is not an ISO 8601 instant");
    }
}
