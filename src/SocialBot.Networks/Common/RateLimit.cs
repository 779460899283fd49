using System.Globalization;
using System.Net.Http.Headers;
using SocialBot.Http;

namespace SocialBot.Networks.Common;

/// <summary>
/// Reads the rate-limit headers the networks send: X <c>x-rate-limit-remaining</c>/<c>x-rate-limit-reset</c> (epoch
/// seconds), Bluesky <c>ratelimit-remaining</c>/<c>ratelimit-reset</c> (epoch seconds), Mastodon
/// <c>X-RateLimit-Remaining</c>/<c>X-RateLimit-Reset</c> (an ISO 8601 instant), and <c>Retry-After</c>.
/// </summary>
public readonly record struct RateLimit(int? Remaining, DateTimeOffset? ResetAt)
{
    private static readonly string[] RemainingHeaders = ["x-rate-limit-remaining", "ratelimit-remaining", "X-RateLimit-Remaining"];
    private static readonly string[] ResetHeaders = ["x-rate-limit-reset", "ratelimit-reset", "X-RateLimit-Reset"];

    /// <summary>The window is used up: no call before <see cref="ResetAt"/>.</summary>
    public bool Exhausted => Remaining is <= 0 && ResetAt is not null;

    public static RateLimit From(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        int? remaining = null;
        foreach (var name in RemainingHeaders)
        {
            if (First(headers, name) is { } value && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                remaining = parsed;
                break;
            }
        }

        DateTimeOffset? reset = null;
        foreach (var name in ResetHeaders)
        {
            if (First(headers, name) is { } value && ParseReset(value, now) is { } parsed)
            {
                reset = parsed;
                break;
            }
        }

        if (headers.RetryAfter is { } retryAfter && OutboundRetry.RetryAfter(retryAfter, now) is { } wait)
        {
            var after = now + wait;
            if (reset is null || after > reset)
            {
                reset = after;
            }
        }

        return new RateLimit(remaining, reset);
    }

    /// <summary>Epoch seconds (X, Bluesky), an ISO 8601 instant (Mastodon); bounded to a day ahead so a wrong header cannot stop polling for long.</summary>
    public static DateTimeOffset? ParseReset(string value, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(value);
        DateTimeOffset? instant = null;
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            // A small number is a delay in seconds (some servers send that), a large one an epoch time.
            instant = seconds < 1_000_000_000 ? now.AddSeconds(Math.Max(0, seconds)) : DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253_402_300_799));
        }
        else if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            instant = parsed;
        }

        if (instant is null)
        {
            return null;
        }

        var latest = now.AddDays(1);
        return instant > latest ? latest : instant;
    }

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
