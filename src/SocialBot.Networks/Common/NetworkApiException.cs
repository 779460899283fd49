using System.Net;

namespace SocialBot.Networks.Common;

/// <summary>
/// Any failed call to a network's API: a non-2xx status (<see cref="StatusCode"/>), or a response SocialBot cannot
/// use (too large, not the documented JSON: <see cref="StatusCode"/> null). The message names the network, the
/// operation and the problem, never a token or customer text.
/// </summary>
public sealed class NetworkApiException : Exception
{
    public NetworkApiException()
    {
    }

    public NetworkApiException(string message)
        : base(message)
    {
    }

    public NetworkApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NetworkApiException(string message, HttpStatusCode? statusCode, DateTimeOffset? retryAt, string? errorCode = null)
        : base(message)
    {
        StatusCode = statusCode;
        RetryAt = retryAt;
        ErrorCode = errorCode;
    }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>When the API allows the next call (from the rate-limit reset or Retry-After headers), if it said.</summary>
    public DateTimeOffset? RetryAt { get; }

    /// <summary>The API's own error code or title, if it sent one (e.g. Bluesky's <c>ExpiredToken</c>).</summary>
    public string? ErrorCode { get; }

    public bool IsRateLimited => StatusCode == HttpStatusCode.TooManyRequests;

    /// <summary>Whether retrying later can help: 408, 429, 5xx and network failures; not 4xx rejections or unusable responses.</summary>
    public bool IsTransient => StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int?)StatusCode >= 500;
}
