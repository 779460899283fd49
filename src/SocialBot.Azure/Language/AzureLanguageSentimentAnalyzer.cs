using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using SocialBot.Core.Sentiment;

namespace SocialBot.Azure.Language;

/// <summary>
/// Sentiment from Azure AI Language (<c>POST {endpoint}/language/:analyze-text</c>, kind <c>SentimentAnalysis</c>)
/// over an Azure.Core pipeline. Batches of at most 10 documents and under 1 MB per request; texts longer than
/// 5,120 text elements are truncated. Score is <c>positive - negative</c> confidence.
/// </summary>
/// <remarks>
/// Every failure throws <see cref="LanguageServiceException"/>. Documents the service rejects inside a 200 answer
/// make the call throw too, after the whole batch is done, with the other documents' results in
/// <see cref="Core.Sentiment.Cascade.RemoteSentimentException.PartialResults"/> so the cascade can use them and fall
/// back locally only for the rejected ones.
/// </remarks>
internal sealed partial class AzureLanguageSentimentAnalyzer : ISentimentAnalyzer
{
    public const string AnalyzerName = "azure";
    public const string AnalyzeTextPath = "/language/:analyze-text";
    public const int MaxDocumentsPerRequest = 10;
    public const int MaxTextElements = 5120;
    public const int MaxRequestBytes = 1_000_000;

    // Room for the envelope of one request and of one document around its text.
    private const int RequestOverheadBytes = 512;
    private const int DocumentOverheadBytes = 64;

    private readonly HttpPipeline _pipeline;
    private readonly LanguageOptions _options;
    private readonly Uri _endpoint;
    private readonly ILogger<AzureLanguageSentimentAnalyzer> _logger;

    public AzureLanguageSentimentAnalyzer(LanguageOptions options, HttpPipeline pipeline, ILogger<AzureLanguageSentimentAnalyzer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(logger);
        if (string.IsNullOrWhiteSpace(options.Endpoint) || !Uri.TryCreate(options.Endpoint, UriKind.Absolute, out Uri? endpoint))
        {
            throw new ArgumentException($"{LanguageOptions.SectionName}:Endpoint must be an absolute URI.", nameof(options));
        }

        _options = options;
        _pipeline = pipeline;
        _endpoint = endpoint;
        _logger = logger;
    }

    public string Name => AnalyzerName;

    public async Task<SentimentResult> AnalyzeAsync(string text, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<SentimentResult> results = await AnalyzeBatchAsync([text], cancellationToken);
        return results[0];
    }

    public async Task<IReadOnlyList<SentimentResult>> AnalyzeBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var results = new SentimentResult?[texts.Count];
        var prepared = new PreparedText[texts.Count];
        for (int i = 0; i < texts.Count; i++)
        {
            prepared[i] = Prepare(i, texts[i]);
        }

        DocumentFailure? firstFailure = null;
        int failures = 0;
        foreach (ArraySegment<PreparedText> chunk in Chunk(prepared))
        {
            foreach (DocumentFailure failure in await SendAsync(chunk, results, cancellationToken))
            {
                firstFailure ??= failure;
                failures++;
            }
        }

        if (firstFailure is { } first)
        {
            throw new LanguageServiceException(
                string.Create(CultureInfo.InvariantCulture, $"Azure AI Language rejected {failures} of {texts.Count} documents: {first.Code}: {first.Message}"),
                status: 200,
                errorCode: first.Code,
                innerErrorCode: first.InnerCode,
                partialResults: results);
        }

        return results!;
    }

    private PreparedText Prepare(int index, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var info = new StringInfo(text);
        int elements = info.LengthInTextElements;
        bool truncated = false;
        if (elements > MaxTextElements)
        {
            text = info.SubstringByTextElements(0, MaxTextElements);
            elements = MaxTextElements;
            truncated = true;
        }

        int bytes = EncodedBytes(text);
        while (bytes > MaxRequestBytes - RequestOverheadBytes - DocumentOverheadBytes)
        {
            // Pathological input (text elements made of many code points): halve until the request fits.
            elements /= 2;
            text = new StringInfo(text).SubstringByTextElements(0, elements);
            bytes = EncodedBytes(text);
            truncated = true;
        }

        if (truncated)
        {
            LogTextTruncated(_logger, index, elements);
        }

        return new PreparedText(index, text, bytes + DocumentOverheadBytes, truncated);
    }

    private static int EncodedBytes(string text) => JsonEncodedText.Encode(text, LanguageJsonContext.Encoder).EncodedUtf8Bytes.Length;

    /// <summary>Consecutive runs of at most 10 documents whose request stays under <see cref="MaxRequestBytes"/>.</summary>
    private static IEnumerable<ArraySegment<PreparedText>> Chunk(PreparedText[] prepared)
    {
        int start = 0;
        while (start < prepared.Length)
        {
            int end = start;
            int bytes = RequestOverheadBytes;
            while (end < prepared.Length && end - start < MaxDocumentsPerRequest && bytes + prepared[end].EncodedBytes <= MaxRequestBytes)
            {
                bytes += prepared[end].EncodedBytes;
                end++;
            }

            yield return new ArraySegment<PreparedText>(prepared, start, end - start);
            start = end;
        }
    }

    private async Task<List<DocumentFailure>> SendAsync(ArraySegment<PreparedText> chunk, SentimentResult?[] results, CancellationToken cancellationToken)
    {
        var documents = new TextDocument[chunk.Count];
        for (int k = 0; k < chunk.Count; k++)
        {
            documents[k] = new TextDocument(DocumentId(k), _options.Language, chunk[k].Text);
        }

        var request = new AnalyzeTextRequest(
            "SentimentAnalysis",
            new SentimentParameters("latest", OpinionMining: false, "TextElements_v8"),
            new AnalysisInput(documents));
        AnalyzeTextResponse body = await PostAsync(request, cancellationToken);

        var failures = new List<DocumentFailure>();
        var answered = new bool[chunk.Count];
        foreach (SentimentDocument document in body.Results?.Documents ?? [])
        {
            if (TryParseDocumentId(document.Id, chunk.Count, out int k))
            {
                results[chunk[k].Index] = ToResult(document, chunk[k].Truncated);
                answered[k] = true;
            }
        }

        foreach (DocumentError error in body.Results?.Errors ?? [])
        {
            if (TryParseDocumentId(error.Id, chunk.Count, out int k) && !answered[k])
            {
                answered[k] = true;
                var failure = new DocumentFailure(
                    error.Error?.Code ?? "DocumentError",
                    error.Error?.Innererror?.Code,
                    error.Error?.Innererror?.Message ?? error.Error?.Message ?? "");
                LogDocumentFailed(_logger, chunk[k].Index, failure.Code, failure.InnerCode);
                failures.Add(failure);
            }
        }

        for (int k = 0; k < chunk.Count; k++)
        {
            if (!answered[k])
            {
                failures.Add(new DocumentFailure("MissingResult", null, "The service returned neither a result nor an error for a document."));
            }
        }

        return failures;
    }

    private async Task<AnalyzeTextResponse> PostAsync(AnalyzeTextRequest request, CancellationToken cancellationToken)
    {
        using HttpMessage message = _pipeline.CreateMessage();
        Request httpRequest = message.Request;
        httpRequest.Method = RequestMethod.Post;
        httpRequest.Uri.Reset(_endpoint);
        httpRequest.Uri.AppendPath(AnalyzeTextPath, escape: false);
        httpRequest.Uri.AppendQuery("api-version", _options.ApiVersion, escapeValue: true);
        httpRequest.Headers.Add(HttpHeader.Common.JsonContentType);
        httpRequest.Headers.Add(HttpHeader.Names.Accept, "application/json");
        httpRequest.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(request, LanguageJsonContext.Wire.AnalyzeTextRequest));

        try
        {
            await _pipeline.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRequestFailed(_logger, 0, ex.GetType().Name);
            throw new LanguageServiceException("Azure AI Language could not be reached: " + ex.Message, status: null, errorCode: null, innerException: ex);
        }

        Response response = message.Response;
        if (response.IsError)
        {
            throw ToException(response);
        }

        try
        {
            return JsonSerializer.Deserialize(response.Content.ToMemory().Span, LanguageJsonContext.Wire.AnalyzeTextResponse)
                ?? throw new JsonException("The response body is null.");
        }
        catch (JsonException ex)
        {
            throw new LanguageServiceException("Azure AI Language answered with an unreadable body: " + ex.Message, response.Status, errorCode: null, innerException: ex);
        }
    }

    private LanguageServiceException ToException(Response response)
    {
        ServiceError? error = null;
        try
        {
            error = JsonSerializer.Deserialize(response.Content.ToMemory().Span, LanguageJsonContext.Wire.ErrorResponse)?.Error;
        }
        catch (JsonException)
        {
            // Not the documented error body (for example a gateway page); the status still says what happened.
        }

        LogRequestFailed(_logger, response.Status, error?.Code);
        string message = string.Create(
            CultureInfo.InvariantCulture,
            $"Azure AI Language returned {response.Status} {response.ReasonPhrase}: {error?.Code ?? "no error code"}: {error?.Innererror?.Message ?? error?.Message ?? "no message"}");
        return new LanguageServiceException(message, response.Status, error?.Code, error?.Innererror?.Code);
    }

    private static SentimentResult ToResult(SentimentDocument document, bool truncated)
    {
        if (!SentimentLabels.TryParse(document.Sentiment, out SentimentLabel label))
        {
            label = SentimentLabel.Neutral;
        }

        ConfidenceScores scores = document.ConfidenceScores ?? new ConfidenceScores(0, 1, 0);
        var cues = new List<string>
        {
            label switch
            {
                SentimentLabel.Negative => Cue($"azure: negative {scores.Negative:0.00}"),
                SentimentLabel.Positive => Cue($"azure: positive {scores.Positive:0.00}"),
                SentimentLabel.Mixed => Cue($"azure: mixed (positive {scores.Positive:0.00}, negative {scores.Negative:0.00})"),
                _ => Cue($"azure: neutral {scores.Neutral:0.00}"),
            },
        };
        if (truncated)
        {
            cues.Add(Cue($"azure: text truncated to {MaxTextElements} text elements"));
        }

        foreach (DocumentWarning warning in document.Warnings ?? [])
        {
            cues.Add("azure warning: " + warning.Code);
        }

        return new SentimentResult
        {
            Label = label,
            Score = Math.Clamp(scores.Positive - scores.Negative, -1, 1),
            Analyzer = AnalyzerName,
            Cues = cues,
        };
    }

    private static string DocumentId(int position) => (position + 1).ToString(CultureInfo.InvariantCulture);

    private static bool TryParseDocumentId(string? id, int count, out int position)
    {
        bool ok = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= 1 && number <= count;
        position = ok ? number - 1 : -1;
        return ok;
    }

    private static string Cue(FormattableString cue) => cue.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Text {Index} of the batch was truncated to {TextElements} text elements for Azure AI Language")]
    private static partial void LogTextTruncated(ILogger logger, int index, int textElements);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Azure AI Language request failed with status {Status} ({ErrorCode})")]
    private static partial void LogRequestFailed(ILogger logger, int status, string? errorCode);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Azure AI Language rejected text {Index} of the batch: {ErrorCode} ({InnerErrorCode})")]
    private static partial void LogDocumentFailed(ILogger logger, int index, string errorCode, string? innerErrorCode);

    private readonly record struct PreparedText(int Index, string Text, int EncodedBytes, bool Truncated);

    private sealed record DocumentFailure(string Code, string? InnerCode, string Message);
}
