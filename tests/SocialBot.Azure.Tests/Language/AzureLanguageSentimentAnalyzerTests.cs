using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using SocialBot.Azure.Language;
using SocialBot.Core.Sentiment;

namespace SocialBot.Azure.Tests.Language;

public sealed class AzureLanguageSentimentAnalyzerTests : IAsyncLifetime
{
    private const string Key = "test-key-0123456789";

    private readonly ListLogger<AzureLanguageSentimentAnalyzer> _logger = new();
    private FakeLanguageServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeLanguageServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AnalyzeBatchAsync_ShouldSplitIntoRequestsOfTen_WhenGivenTwelveTexts()
    {
        var analyzer = CreateAnalyzer();
        string[] texts = [.. Enumerable.Range(0, 12).Select(i => i % 3 == 0 ? $"Flight {i} is late again" : $"Thanks for flight {i}")];

        IReadOnlyList<SentimentResult> results = await analyzer.AnalyzeBatchAsync(texts);

        Assert.Equal([10, 2], _server.Requests.Select(r => r.DocumentTexts.Count));
        Assert.Equal(texts, _server.Requests.SelectMany(r => r.DocumentTexts));
        Assert.Equal(12, results.Count);
        Assert.All(results, r => Assert.Equal("azure", r.Analyzer));
        Assert.Equal(
            texts.Select(t => t.Contains("late", StringComparison.Ordinal) ? SentimentLabel.Negative : SentimentLabel.Positive),
            results.Select(r => r.Label));
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldPostDocumentedRequestWithKeyHeaderAndApiVersion()
    {
        var analyzer = CreateAnalyzer();

        await analyzer.AnalyzeAsync("My bag is late");

        RecordedRequest request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/language/:analyze-text", request.Path);
        Assert.Equal("?api-version=2025-11-01", request.Query);
        Assert.Equal(Key, request.Headers["Ocp-Apim-Subscription-Key"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        JsonElement json = request.Json;
        Assert.Equal("SentimentAnalysis", json.GetProperty("kind").GetString());
        JsonElement parameters = json.GetProperty("parameters");
        Assert.Equal("latest", parameters.GetProperty("modelVersion").GetString());
        Assert.False(parameters.GetProperty("opinionMining").GetBoolean());
        Assert.Equal("TextElements_v8", parameters.GetProperty("stringIndexType").GetString());
        JsonElement document = json.GetProperty("analysisInput").GetProperty("documents")[0];
        Assert.Equal("1", document.GetProperty("id").GetString());
        Assert.Equal("en", document.GetProperty("language").GetString());
        Assert.Equal("My bag is late", document.GetProperty("text").GetString());
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldUseConfiguredApiVersion()
    {
        var analyzer = CreateAnalyzer(options => options.ApiVersion = "2024-11-01");

        await analyzer.AnalyzeAsync("hello");

        Assert.Equal("?api-version=2024-11-01", Assert.Single(_server.Requests).Query);
    }

    [Fact]
    public async Task AnalyzeBatchAsync_ShouldMapLabelsScoresAndCues_FromServiceResponse()
    {
        _server.EnqueuePayload(200, "sentiment-success.json");
        var analyzer = CreateAnalyzer();

        IReadOnlyList<SentimentResult> results = await analyzer.AnalyzeBatchAsync(["3 hours on the tarmac and still no update", "The crew were lovely today. But my bag never arrived."]);

        Assert.Equal(SentimentLabel.Negative, results[0].Label);
        Assert.Equal(-0.91, results[0].Score, 3);
        Assert.Equal(["azure: negative 0.93"], results[0].Cues);
        Assert.Equal(SentimentLabel.Mixed, results[1].Label);
        Assert.Equal(-0.13, results[1].Score, 3);
        Assert.Equal(["azure: mixed (positive 0.41, negative 0.54)", "azure warning: LongWordsInDocument"], results[1].Cues);
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldSendBearerToken_WhenNoKeyIsConfigured()
    {
        using X509Certificate2 certificate = FakeLanguageServer.CreateLoopbackCertificate();
        await using FakeLanguageServer httpsServer = await FakeLanguageServer.StartAsync(certificate);
        var credential = new FakeTokenCredential("fake-entra-token");
        var options = Options(httpsServer.Endpoint, apiKey: null);
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        };
        var analyzer = new AzureLanguageSentimentAnalyzer(options, LanguagePipeline.Create(options, credential, new HttpClientTransport(handler)), _logger);

        SentimentResult result = await analyzer.AnalyzeAsync("Thanks!");

        RecordedRequest request = Assert.Single(httpsServer.Requests);
        Assert.Equal("Bearer fake-entra-token", request.Headers["Authorization"]);
        Assert.False(request.Headers.ContainsKey("Ocp-Apim-Subscription-Key"));
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.RequestedScopes.Distinct());
        Assert.Equal(SentimentLabel.Positive, result.Label);
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldWaitRetryAfterAndRetry_WhenThrottled()
    {
        _server.EnqueuePayload(429, "error-429.json", ("Retry-After", "1"));
        var analyzer = CreateAnalyzer();
        var stopwatch = Stopwatch.StartNew();

        SentimentResult result = await analyzer.AnalyzeAsync("My flight is late");

        // The configured back-off is 10 ms; only the server's Retry-After explains a wait of about a second.
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {stopwatch.Elapsed}");
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(SentimentLabel.Negative, result.Label);
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldRetry_WhenServerErrorIsTransient()
    {
        _server.EnqueuePayload(500, "error-500.json");
        var analyzer = CreateAnalyzer();

        SentimentResult result = await analyzer.AnalyzeAsync("Thanks");

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(SentimentLabel.Positive, result.Label);
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldThrowWithStatus_WhenRetriesAreExhausted()
    {
        for (int i = 0; i < 3; i++)
        {
            _server.Enqueue(503, """{"error":{"code":"ServiceUnavailable","message":"The service is temporarily unavailable."}}""");
        }

        var analyzer = CreateAnalyzer(options => options.MaxRetries = 2);

        var ex = await Assert.ThrowsAsync<LanguageServiceException>(() => analyzer.AnalyzeAsync("Thanks"));

        Assert.Equal(503, ex.Status);
        Assert.Equal("ServiceUnavailable", ex.ErrorCode);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldThrowServiceErrorWithoutRetry_WhenRequestIsInvalid()
    {
        _server.EnqueuePayload(400, "error-400.json");
        var analyzer = CreateAnalyzer();

        var ex = await Assert.ThrowsAsync<LanguageServiceException>(() => analyzer.AnalyzeAsync("Thanks"));

        Assert.Equal(400, ex.Status);
        Assert.Equal("InvalidArgument", ex.ErrorCode);
        Assert.Equal("InvalidDocumentBatch", ex.InnerErrorCode);
        Assert.Contains("Max 10 records are permitted", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.PartialResults);
        Assert.Single(_server.Requests);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.EventId.Id == 3002);
    }

    [Fact]
    public async Task AnalyzeBatchAsync_ShouldThrowWithPartialResults_WhenServiceRejectsOneDocument()
    {
        _server.EnqueuePayload(200, "document-error.json");
        var analyzer = CreateAnalyzer();

        var ex = await Assert.ThrowsAsync<LanguageServiceException>(() => analyzer.AnalyzeBatchAsync(["Thanks for the upgrade!", "Danke"]));

        Assert.Equal(200, ex.Status);
        Assert.Equal("InvalidArgument", ex.ErrorCode);
        Assert.Equal("UnsupportedLanguageCode", ex.InnerErrorCode);
        Assert.NotNull(ex.PartialResults);
        Assert.Equal(SentimentLabel.Positive, ex.PartialResults[0]!.Label);
        Assert.Null(ex.PartialResults[1]);
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldTruncateToTextElementLimitAndLogWithoutText_WhenTextIsTooLong()
    {
        // 6,000 text elements of four UTF-16 code units each (thumbs up with a skin tone).
        string text = string.Concat(Enumerable.Repeat("\U0001F44D\U0001F3FD", 6000));
        var analyzer = CreateAnalyzer();

        SentimentResult result = await analyzer.AnalyzeAsync(text);

        string sent = Assert.Single(Assert.Single(_server.Requests).DocumentTexts);
        Assert.Equal(5120, new StringInfo(sent).LengthInTextElements);
        Assert.StartsWith(sent, text, StringComparison.Ordinal);
        Assert.Contains("azure: text truncated to 5120 text elements", result.Cues);
        var entry = Assert.Single(_logger.Entries, e => e.EventId.Id == 3001);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.DoesNotContain("\U0001F44D", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeBatchAsync_ShouldKeepEveryRequestUnderOneMegabyte_WhenTextElementsAreHeavy()
    {
        // Each text element is a letter with 30 combining accents: 5,120 of them are about 320 KB of UTF-8.
        string heavy = string.Concat(Enumerable.Repeat("e" + new string('\u0301', 30), 5120));
        string[] texts = [.. Enumerable.Range(0, 10).Select(i => i.ToString(CultureInfo.InvariantCulture) + heavy)];
        var analyzer = CreateAnalyzer();

        IReadOnlyList<SentimentResult> results = await analyzer.AnalyzeBatchAsync(texts);

        Assert.True(_server.Requests.Count > 1);
        Assert.All(_server.Requests, r => Assert.True(System.Text.Encoding.UTF8.GetByteCount(r.Body) < 1_000_000, $"{r.Body.Length} chars"));
        Assert.Equal(10, _server.Requests.Sum(r => r.DocumentTexts.Count));
        Assert.Equal(10, results.Count);
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldThrowServiceException_WhenServiceIsUnreachable()
    {
        Uri endpoint = _server.Endpoint;
        await _server.DisposeAsync();
        _server = await FakeLanguageServer.StartAsync();
        var analyzer = CreateAnalyzer(options =>
        {
            options.Endpoint = endpoint.ToString();
            options.MaxRetries = 0;
        });

        var ex = await Assert.ThrowsAsync<LanguageServiceException>(() => analyzer.AnalyzeAsync("Thanks"));

        Assert.Null(ex.Status);
        Assert.NotNull(ex.InnerException);
    }

    private AzureLanguageSentimentAnalyzer CreateAnalyzer(Action<LanguageOptions>? configure = null)
    {
        LanguageOptions options = Options(_server.Endpoint, Key);
        configure?.Invoke(options);
        return new AzureLanguageSentimentAnalyzer(options, LanguagePipeline.Create(options), _logger);
    }

    private static LanguageOptions Options(Uri endpoint, string? apiKey) => new()
    {
        Endpoint = endpoint.ToString(),
        ApiKey = apiKey,
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        TimeoutSeconds = 10,
    };

    private sealed class FakeTokenCredential(string token) : TokenCredential
    {
        private readonly List<string> _scopes = [];

        public IReadOnlyList<string> RequestedScopes
        {
            get
            {
                lock (_scopes)
                {
                    return [.. _scopes];
                }
            }
        }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (_scopes)
            {
                _scopes.AddRange(requestContext.Scopes);
            }

            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
