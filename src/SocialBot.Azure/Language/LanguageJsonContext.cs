using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialBot.Azure.Language;

/// <summary>The Azure AI Language <c>:analyze-text</c> wire for SentimentAnalysis (request, results, error body).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnalyzeTextRequest))]
[JsonSerializable(typeof(AnalyzeTextResponse))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class LanguageJsonContext : JsonSerializerContext
{
    /// <summary>Non-ASCII text is written as UTF-8, not <c>\uXXXX</c>, so request sizes stay predictable.</summary>
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static LanguageJsonContext Wire { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = Encoder,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });
}
