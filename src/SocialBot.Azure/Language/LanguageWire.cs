using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialBot.Azure.Language;

// The Azure AI Language `:analyze-text` wire for SentimentAnalysis (request, results, error body).

internal sealed record AnalyzeTextRequest(string Kind, SentimentParameters Parameters, AnalysisInput AnalysisInput);

internal sealed record SentimentParameters(string ModelVersion, bool OpinionMining, string StringIndexType);

internal sealed record AnalysisInput(IReadOnlyList<TextDocument> Documents);

internal sealed record TextDocument(string Id, string Language, string Text);

internal sealed record AnalyzeTextResponse(string? Kind, SentimentResults? Results);

internal sealed record SentimentResults(IReadOnlyList<SentimentDocument>? Documents, IReadOnlyList<DocumentError>? Errors, string? ModelVersion);

internal sealed record SentimentDocument(string Id, string? Sentiment, ConfidenceScores? ConfidenceScores, IReadOnlyList<DocumentWarning>? Warnings);

internal sealed record ConfidenceScores(double Positive, double Neutral, double Negative);

internal sealed record DocumentWarning(string? Code, string? Message);

internal sealed record DocumentError(string Id, ServiceError? Error);

internal sealed record ErrorResponse(ServiceError? Error);

internal sealed record ServiceError(string? Code, string? Message, InnerServiceError? Innererror);

internal sealed record InnerServiceError(string? Code, string? Message);

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
