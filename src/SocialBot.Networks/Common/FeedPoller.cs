using Microsoft.Extensions.Logging;
using SocialBot.Core.Networks;
using SocialBot.Core.Processing;

namespace SocialBot.Networks.Common;

/// <summary>
/// The poll loop every network shares. For each feed that is due (last poll + interval, and past its NotBefore),
/// fetches everything newer than the cursor, enqueues it, and only then moves the cursor, so a crash in between
/// re-enqueues the same posts (the mention id is the post id: triage drops the repeats). A 429 or an exhausted
/// rate limit sets NotBefore to the reset time; other failures back off exponentially (interval × 2^failures, at
/// most 15 minutes) and leave the cursor where it was.
/// </summary>
public sealed partial class FeedPoller
{
    /// <summary>Longest backoff after repeated failures.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(15);

    private readonly string _network;
    private readonly IReadOnlyList<IFeed> _feeds;
    private readonly TimeSpan _interval;
    private readonly INetworkStateStore _store;
    private readonly IMentionQueue _queue;
    private readonly NetworkHttp _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _polling;

    public FeedPoller(
        string network,
        IReadOnlyList<IFeed> feeds,
        TimeSpan interval,
        INetworkStateStore store,
        IMentionQueue queue,
        NetworkHttp http,
        TimeProvider time,
        ILogger logger)
    {
        _network = network;
        _feeds = feeds;
        _interval = interval;
        _store = store;
        _queue = queue;
        _http = http;
        _time = time;
        _logger = logger;
    }

    public async Task<PollOutcome> PollAsync(CancellationToken cancellationToken)
    {
        // One poll at a time per process: the timer may fire again while a slow poll runs.
        if (Interlocked.CompareExchange(ref _polling, 1, 0) != 0)
        {
            return new PollOutcome { Network = _network, Polled = false };
        }

        try
        {
            return await PollFeedsAsync(cancellationToken);
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
        }
    }

    private async Task<PollOutcome> PollFeedsAsync(CancellationToken cancellationToken)
    {
        var requestsBefore = _http.Requests;
        var polled = false;
        var enqueued = 0;
        var errors = new List<string>();
        DateTimeOffset? next = null;
        foreach (var feed in _feeds)
        {
            var now = _time.GetUtcNow();
            var state = await _store.GetAsync(_network, feed.Name, cancellationToken);
            var dueAt = DueAt(state);
            if (dueAt > now)
            {
                next = Earliest(next, dueAt);
                continue;
            }

            polled = true;
            try
            {
                var page = await feed.FetchAsync(state.Cursor, cancellationToken);
                foreach (var mention in page.Mentions)
                {
                    await _queue.EnqueueMentionAsync(mention, cancellationToken);
                }

                enqueued += page.Mentions.Count;
                var notBefore = page.RateLimit.Exhausted ? page.RateLimit.ResetAt : null;
                if (notBefore is not null)
                {
                    LogRateLimitExhausted(_logger, _network, feed.Name, notBefore.Value);
                }

                state = state with
                {
                    Cursor = page.Cursor ?? state.Cursor,
                    LastPollAt = now,
                    LastError = null,
                    Failures = 0,
                    NotBefore = notBefore,
                    Enqueued = state.Enqueued + page.Mentions.Count,
                };
                LogPolled(_logger, _network, feed.Name, page.Mentions.Count);
            }
            catch (NetworkApiException exception)
            {
                var failures = state.Failures + 1;
                var backoff = Backoff(failures);
                var notBefore = exception.RetryAt is { } retryAt && retryAt > now ? retryAt : now + backoff;
                state = state with
                {
                    LastPollAt = now,
                    LastError = exception.Message,
                    LastErrorAt = now,
                    Failures = failures,
                    NotBefore = notBefore,
                };
                errors.Add($"{feed.Name}: {exception.Message}");
                LogPollFailed(_logger, _network, feed.Name, (int?)exception.StatusCode, notBefore, exception.Message);
            }

            await _store.SaveAsync(state, cancellationToken);
            next = Earliest(next, DueAt(state));
        }

        return new PollOutcome
        {
            Network = _network,
            Polled = polled,
            Enqueued = enqueued,
            Requests = (int)(_http.Requests - requestsBefore),
            Errors = errors,
            NextPollAt = next,
        };
    }

    private DateTimeOffset DueAt(FeedState state)
    {
        var due = state.LastPollAt is { } last && state.Failures == 0 ? last + _interval : DateTimeOffset.MinValue;
        return state.NotBefore is { } notBefore && notBefore > due ? notBefore : due;
    }

    private TimeSpan Backoff(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 10));
        var backoff = TimeSpan.FromTicks((long)Math.Min(_interval.Ticks * factor, MaxBackoff.Ticks));
        return backoff < _interval ? _interval : backoff;
    }

    private static DateTimeOffset Earliest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } c && c < candidate ? c : candidate;

    [LoggerMessage(EventId = 8001, Level = LogLevel.Debug, Message = "Polled {Network} {Feed}: {Count} new post(s) enqueued")]
    private static partial void LogPolled(ILogger logger, string network, string feed, int count);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "Polling {Network} {Feed} failed (HTTP {Status}); next try not before {NotBefore}; the cursor stays: {Problem}")]
    private static partial void LogPollFailed(ILogger logger, string network, string feed, int? status, DateTimeOffset notBefore, string problem);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "{Network} {Feed}: the rate limit is used up; next poll at {ResetAt}")]
    private static partial void LogRateLimitExhausted(ILogger logger, string network, string feed, DateTimeOffset resetAt);
}
