namespace SocialBot.Http;

/// <summary>
/// How one outbound client times out and retries (see <see cref="OutboundHttp"/>). Retries are bounded, jittered and
/// honour <c>Retry-After</c>; a non-idempotent request (POST, PATCH) is retried only when it provably never reached the
/// server (DNS or connection failure) or when the server answered 429/503 with a <c>Retry-After</c>, so a reply is
/// never posted twice by this layer.
/// </summary>
public sealed record OutboundHttpPolicy
{
    /// <summary>The longest one attempt may take; null for no per-attempt limit. A timed-out GET is retried, a timed-out POST is not.</summary>
    public TimeSpan? AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a request may take with all its attempts and waits; a wait that would end past it is not made.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt (0: none).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First back-off when the server sends no <c>Retry-After</c>; doubles each attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest <c>Retry-After</c> waited out here: a longer one is not retried, the answer goes back to the caller
    /// (whose queue retry, requeue or poller backoff defers the work) instead of holding a queue function.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether 429 is retried here. False for the polled networks (X, Bluesky, Mastodon): their pollers record the
    /// rate-limit reset and back off, and their reply channels hand a 429 back to the queue.
    /// </summary>
    public bool RetryRateLimited { get; init; } = true;

    /// <summary>Randomises the back-off (not a server's <c>Retry-After</c>), so many instances do not retry in step.</summary>
    public bool UseJitter { get; init; } = true;
}
