using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SocialBot.Core.Serialization;

/// <summary>
/// The JSON conventions on every wire SocialBot owns: camelCase, enums as kebab-case strings, nulls written, and emoji
/// (any character outside the Basic Multilingual Plane) written as themselves (<see cref="MessageJsonEncoder"/>). Our
/// messages are (de)serialized with source-generated metadata (<see cref="SocialBotJsonContext"/>); other values (CLI
/// and inbox output) fall back to reflection with the same conventions.
/// </summary>
public static class SocialBotJson
{
    /// <summary>
    /// Typed metadata for our messages and nothing else (no reflection), e.g.
    /// <c>JsonSerializer.Deserialize(json, SocialBotJson.Messages.OutgoingReply)</c>.
    /// </summary>
    public static SocialBotJsonContext Messages { get; } = new(CreateOptions(writeIndented: false));

    /// <summary>Compact options: our messages through the source-generated metadata, anything else by reflection.</summary>
    public static JsonSerializerOptions Options { get; } = WithFallback(CreateOptions(writeIndented: false));

    /// <summary>The same conventions, indented for people (CLI output).</summary>
    public static JsonSerializerOptions Indented { get; } = WithFallback(CreateOptions(writeIndented: true));

    /// <summary>
    /// Serializes compactly for size-limited transports (a queue message is at most 64 KiB, a table string 32K
    /// characters): one emoji costs 4 bytes of UTF-8, not the 12 of two <c>\uXXXX</c> escapes.
    /// </summary>
    public static string SerializeCompact<T>(T value) => JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    private static JsonSerializerOptions CreateOptions(bool writeIndented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = writeIndented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = MessageJsonEncoder.Instance,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        return options;
    }

    private static JsonSerializerOptions WithFallback(JsonSerializerOptions options)
    {
        // The context as a resolver builds its metadata for these options (their encoder and enum converter).
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(SocialBotJsonContext.Default, new DefaultJsonTypeInfoResolver());
        options.MakeReadOnly();
        return options;
    }
}
