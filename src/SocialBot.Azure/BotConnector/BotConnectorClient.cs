using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SocialBot.Core.Replies;

namespace SocialBot.Azure.BotConnector;

/// <summary>
/// Posts activities to the Connector with the bot's token: only to allowed service URLs, retrying 408, 429 and 5xx
/// (honouring Retry-After up to a cap); other failures become <see cref="PermanentDeliveryException"/>, and
/// retries that run out throw <see cref="BotConnectorException"/> so the queue retries later.
/// </summary>
internal sealed class BotConnectorClient
{
    public const string HttpClientName = "SocialBot.BotConnector";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly BotConnectorTokenProvider _tokens;
    private readonly BotServiceUrlPolicy _serviceUrls;
    private readonly ConnectorRetryPolicy _retry;
    private readonly TimeProvider _time;
    private readonly ILogger<BotConnectorClient> _logger;

    public BotConnectorClient(
        HttpClient http,
        BotConnectorTokenProvider tokens,
        BotServiceUrlPolicy serviceUrls,
        ConnectorRetryPolicy retry,
        TimeProvider time,
        ILogger<BotConnectorClient> logger)
    {
        _http = http;
        _tokens = tokens;
        _serviceUrls = serviceUrls;
        _retry = retry;
        _time = time;
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
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, BotConnectorJsonContext.Default.ConnectorActivity);
        var deadline = _time.GetUtcNow() + _retry.TotalBudget;
        for (var attempt = 1; ; attempt++)
        {
            // Every attempt ends by the deadline, so the whole send fits inside the send claim's lifetime.
            using var budget = new CancellationTokenSource(Remaining(deadline), _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
            var token = await _tokens.GetTokenAsync(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, target);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = Json;
            HttpResponseMessage sent;
            try
            {
                sent = await _http.SendAsync(request, linked.Token);
            }
            catch (OperationCanceledException exception) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new BotConnectorException(
                    System.Net.HttpStatusCode.RequestTimeout, null, null, $"no answer from the Connector within the send budget of {_retry.TotalBudget.TotalSeconds} s after {attempt} attempt(s)", exception);
            }

            using var response = sent;
            if (response.IsSuccessStatusCode)
            {
                return await ReadIdAsync(response, cancellationToken);
            }

            var status = (int)response.StatusCode;
            var retryable = status is 408 or 429 or >= 500;
            var delay = retryable ? RetryDelay(response, attempt) : TimeSpan.Zero;
            if (retryable && attempt < _retry.MaxAttempts && _time.GetUtcNow() + delay < deadline)
            {
                BotConnectorLog.ConnectorRetrying(_logger, status, attempt, (long)delay.TotalMilliseconds);
                await WaitAsync(delay, cancellationToken);
                continue;
            }

            var failure = await ToExceptionAsync(response, attempt, cancellationToken);
            if (retryable)
            {
                throw failure;
            }

            BotConnectorLog.ConnectorRefused(_logger, status, failure.ErrorCode, failure.OperationId);
            throw new PermanentDeliveryException($"the Connector refused the activity with {status} {failure.ErrorCode ?? "(no error code)"}", failure);
        }
    }

    private TimeSpan Remaining(DateTimeOffset deadline)
    {
        var left = deadline - _time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1);
    }

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        var retryAfter = response.Headers.RetryAfter;
        var delay = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - _time.GetUtcNow() : _retry.BaseDelay * Math.Pow(2, attempt - 1));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > _retry.MaxDelay ? _retry.MaxDelay : delay;
    }

    private Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        _retry.Delay is { } custom ? custom(delay, cancellationToken) : Task.Delay(delay, _time, cancellationToken);

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

    private static async Task<BotConnectorException> ToExceptionAsync(HttpResponseMessage response, int attempts, CancellationToken cancellationToken)
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
            $"Connector answered {(int)status} {status} after {attempts} attempt(s): {error?.Code ?? "no error code"} {error?.Message}".TrimEnd());
    }
}
