using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SocialBot.Core.Replies;
using SocialBot.Http;

namespace SocialBot.Azure.BotConnector;

/// <summary>
/// Posts activities to the Connector with the bot's token, only to allowed service URLs, through the
/// <see cref="HttpClientName"/> client and its <see cref="Policy"/>: a POST is retried only when it never reached the
/// Connector or when the Connector answered 429/503 with a <c>Retry-After</c> it is worth waiting for (a 500 or a
/// timeout may have posted the activity already). 408, 429 and 5xx that remain become a transient
/// <see cref="BotConnectorException"/> (the queue retries later); other failures become <see cref="PermanentDeliveryException"/>.
/// </summary>
internal sealed class BotConnectorClient
{
    public const string HttpClientName = "SocialBot.BotConnector";

    /// <summary>
    /// Attempts of 30 s; the whole send, waits included, within 60 s, well below the send claim's lifetime
    /// (<c>TableSentReplyLog.StaleAfter</c>, 3 minutes), so a claim never goes stale while its send is still running.
    /// A <c>Retry-After</c> over 30 s is left to the queue.
    /// </summary>
    public static readonly OutboundHttpPolicy Policy = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(30),
        TotalTimeout = TimeSpan.FromSeconds(60),
        MaxRetries = 3,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxRetryAfter = TimeSpan.FromSeconds(30),
    };

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly BotConnectorTokenProvider _tokens;
    private readonly BotServiceUrlPolicy _serviceUrls;
    private readonly ILogger<BotConnectorClient> _logger;

    public BotConnectorClient(
        HttpClient http,
        BotConnectorTokenProvider tokens,
        BotServiceUrlPolicy serviceUrls,
        ILogger<BotConnectorClient> logger)
    {
        _http = http;
        _tokens = tokens;
        _serviceUrls = serviceUrls;
        _logger = logger;
    }

    /// <summary>Posts the activity; a reply when <paramref name="replyToActivityId"/> is set. Returns the new activity's id.</summary>
    public async Task<string?> SendAsync(
        string serviceUrl,
        string conversationId,
        string? replyToActivityId,
        ConnectorActivity activity,
        CancellationToken cancellationToken = default)
    {
        if (!_serviceUrls.IsAllowed(serviceUrl))
        {
            var host = Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) ? uri.Host : "(not a URL)";
            BotConnectorLog.ServiceUrlNotAllowed(_logger, host);
            throw new PermanentDeliveryException($"service URL not allowed: '{host}' is not a Bot Framework host or in SocialBot:Bot:AllowedServiceUrls");
        }

        var target = ConnectorRoutes.Build(serviceUrl, conversationId, replyToActivityId);
        var token = await _tokens.GetTokenAsync(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, target);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity, BotConnectorJsonContext.Default.ConnectorActivity));
        request.Content.Headers.ContentType = Json;
        HttpResponseMessage sent;
        try
        {
            sent = await _http.SendAsync(request, cancellationToken);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Not retried: the activity may have been posted. The queue retries later, behind SendReply's claim.
            throw new BotConnectorException(
                System.Net.HttpStatusCode.RequestTimeout, null, null, $"no answer from the Connector within the send budget ({exception.Message})", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new BotConnectorException(
                System.Net.HttpStatusCode.ServiceUnavailable, null, null, $"the Connector could not be reached ({exception.HttpRequestError})", exception);
        }

        using var response = sent;
        if (response.IsSuccessStatusCode)
        {
            return await ReadIdAsync(response, cancellationToken);
        }

        var status = (int)response.StatusCode;
        var failure = await ToExceptionAsync(response, cancellationToken);
        if (status is 408 or 429 or >= 500)
        {
            BotConnectorLog.ConnectorUnavailable(_logger, status, failure.ErrorCode);
            throw failure;
        }

        BotConnectorLog.ConnectorRefused(_logger, status, failure.ErrorCode, failure.OperationId);
        throw new PermanentDeliveryException($"the Connector refused the activity with {status} {failure.ErrorCode ?? "(no error code)"}", failure);
    }

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, BotConnectorJsonContext.Default.ConnectorResourceResponse)?.Id;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<BotConnectorException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ConnectorError? error = null;
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            error = bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, BotConnectorJsonContext.Default.ConnectorErrorResponse)?.Error;
        }
        catch (JsonException)
        {
            // Not an ErrorResponse (a gateway's HTML page, say): the status is all there is.
        }

        var operationId = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
        var status = response.StatusCode;
        return new BotConnectorException(
            status,
            error?.Code,
            operationId,
            $"Connector answered {(int)status} {status}: {error?.Code ?? "no error code"} {error?.Message}".TrimEnd());
    }
}
