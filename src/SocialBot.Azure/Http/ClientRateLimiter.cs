using System.Threading.RateLimiting;

namespace SocialBot.Azure.Http;

/// <summary>Limits for anonymous callers, per client address (section <c>SocialBot:Http:RateLimit</c> when bound).</summary>
public sealed class ClientRateLimitOptions
{
    /// <summary>Requests one client may have in flight at once.</summary>
    public int ConcurrentRequestsPerClient { get; set; } = 4;

    /// <summary>Requests one client may start per <see cref="Window"/>.</summary>
    public int RequestsPerWindow { get; set; } = 120;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Clients tracked at once; beyond this every new client shares one partition (a flood of spoofed addresses cannot grow memory).</summary>
    public int MaxTrackedClients { get; set; } = 10_000;
}

/// <summary>
/// A per-client concurrency and rate limit for unauthenticated endpoints (<c>/api/messages</c>, network webhooks),
/// built on <see cref="System.Threading.RateLimiting"/> and partitioned by client address. Checked before the body
/// is read, so a flood from one address costs a few bytes each. Host-independent: the caller passes the address
/// (the connection's remote IP, or the first <c>X-Forwarded-For</c> hop when the platform sets it).
/// </summary>
public sealed class ClientRateLimiter : IDisposable
{
    private const string OverflowPartition = "(overflow)";

    private readonly PartitionedRateLimiter<string> _concurrency;
    private readonly PartitionedRateLimiter<string> _rate;
    private readonly ClientRateLimitOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, DateTimeOffset> _known = new(StringComparer.Ordinal);

    public ClientRateLimiter(ClientRateLimitOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.ConcurrentRequestsPerClient);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RequestsPerWindow);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Window, TimeSpan.Zero);
        _options = options;
        _time = time;
        _concurrency = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetConcurrencyLimiter(
            client,
            _ => new ConcurrencyLimiterOptions { PermitLimit = options.ConcurrentRequestsPerClient, QueueLimit = 0 }));

        // A fixed window driven by the injected clock (not a timer), so tests and the host agree on time.
        _rate = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.Get(
            client,
            _ => new ClockWindowLimiter(options.RequestsPerWindow, options.Window, time)));
    }

    /// <summary>Admits or refuses one request from <paramref name="clientAddress"/> (null or empty: "unknown").</summary>
    public ClientAdmission TryAcquire(string? clientAddress)
    {
        var client = Partition(clientAddress);
        var concurrent = _concurrency.AttemptAcquire(client);
        if (!concurrent.IsAcquired)
        {
            concurrent.Dispose();
            return new ClientAdmission(false, TimeSpan.FromSeconds(1));
        }

        var rate = _rate.AttemptAcquire(client);
        if (!rate.IsAcquired)
        {
            var retryAfter = rate.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _options.Window;
            rate.Dispose();
            concurrent.Dispose();
            return new ClientAdmission(false, retryAfter);
        }

        return new ClientAdmission(true, null, rate, concurrent);
    }

    public void Dispose()
    {
        _concurrency.Dispose();
        _rate.Dispose();
    }

    private string Partition(string? clientAddress)
    {
        var client = string.IsNullOrWhiteSpace(clientAddress) ? "unknown" : LogValue.Truncate(clientAddress.Trim(), 64);
        var now = _time.GetUtcNow();
        lock (_known)
        {
            if (!_known.ContainsKey(client) && _known.Count >= _options.MaxTrackedClients)
            {
                // Forget clients not seen for a whole window; if all are recent, newcomers share one partition.
                foreach (var stale in _known.Where(entry => now - entry.Value > _options.Window).Select(entry => entry.Key).ToList())
                {
                    _known.Remove(stale);
                }

                if (_known.Count >= _options.MaxTrackedClients)
                {
                    return OverflowPartition;
                }
            }

            _known[client] = now;
            return client;
        }
    }

    /// <summary>A fixed-window counter over <see cref="TimeProvider"/>; reports the time left in the window as Retry-After.</summary>
    private sealed class ClockWindowLimiter : RateLimiter
    {
        private readonly int _permits;
        private readonly TimeSpan _window;
        private readonly TimeProvider _time;
        private readonly Lock _gate = new();
        private DateTimeOffset _windowStart;
        private int _used;

        public ClockWindowLimiter(int permits, TimeSpan window, TimeProvider time)
        {
            _permits = permits;
            _window = window;
            _time = time;
            _windowStart = time.GetUtcNow();
        }

        /// <summary>Idle once its window has passed, so the partitioned limiter can drop it.</summary>
        public override TimeSpan? IdleDuration
        {
            get
            {
                lock (_gate)
                {
                    var idle = _time.GetUtcNow() - _windowStart;
                    return idle >= _window ? idle : null;
                }
            }
        }

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                if (now - _windowStart >= _window)
                {
                    _windowStart = now;
                    _used = 0;
                }

                if (_used + permitCount <= _permits)
                {
                    _used += permitCount;
                    return Lease.Granted;
                }

                return new Lease(false, _windowStart + _window - now);
            }
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));

        private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
        {
            public static readonly Lease Granted = new(true, null);

            public override bool IsAcquired => acquired;

            public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = retryAfter;
                return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
            }
        }
    }
}
