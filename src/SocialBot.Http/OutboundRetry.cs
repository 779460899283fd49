using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Timeout;

namespace SocialBot.Http;

/// <summary>The retry decisions of <see cref="OutboundHttp"/>'s pipeline, as plain functions.</summary>
public static class OutboundRetry
{
    /// <summary>
    /// Whether the outcome of one attempt is retried. A request that provably never reached the server (name
    /// resolution or connection failure) is always retried; otherwise GET, HEAD and OPTIONS are retried on 408, 429,
    /// 500, 502, 503, 504, other transport failures and attempt timeouts; any other method (POST, PATCH, PUT, DELETE:
    /// a reply or a notice that may already have been taken) only on 429 or 503 with a <c>Retry-After</c>. Never when
    /// the <c>Retry-After</c> is longer than <see cref="OutboundHttpPolicy.MaxRetryAfter"/> or would end past
    /// <paramref name="deadline"/>, and never 429 when <see cref="OutboundHttpPolicy.RetryRateLimited"/> is off.
    /// </summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpMethod? method, OutboundHttpPolicy policy, DateTimeOffset now, DateTimeOffset? deadline)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var repeatable = IsRepeatable(method);
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError } => true,
                HttpRequestException or TimeoutRejectedException => repeatable,
                _ => false,
            };
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        var wait = RetryAfter(response, now);
        if (wait > policy.MaxRetryAfter || (wait is { } delay && deadline is { } end && now + delay >= end))
        {
            return false;
        }

        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => policy.RetryRateLimited && (repeatable || wait is not null),
            HttpStatusCode.ServiceUnavailable => repeatable || wait is not null,
            HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => repeatable,
            _ => false,
        };
    }

    /// <summary>The wait a response's <c>Retry-After</c> asks for (delta-seconds or an HTTP-date, never negative), or null when it sends none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now) =>
        response?.Headers.RetryAfter is { } header ? RetryAfter(header, now) : null;

    /// <inheritdoc cref="RetryAfter(HttpResponseMessage?, DateTimeOffset)"/>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue header, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(header);
        var wait = header.Delta ?? (header.Date is { } date ? date - now : null);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>Safe methods, which a server must not act on twice; every other method is treated as taking effect.</summary>
    public static bool IsRepeatable(HttpMethod? method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options;
}
