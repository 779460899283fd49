using System.Threading.RateLimiting;

namespace SocialBot.Azure.Http;

/// <summary>The limiter's answer: go ahead (dispose the lease when the request ends) or answer 429 with Retry-After.</summary>
public sealed class ClientAdmission : IDisposable
{
    private readonly RateLimitLease[] _leases;

    internal ClientAdmission(bool isAllowed, TimeSpan? retryAfter, params RateLimitLease[] leases)
    {
        IsAllowed = isAllowed;
        RetryAfter = retryAfter;
        _leases = leases;
    }

    public bool IsAllowed { get; }

    /// <summary>How long the client should wait (the <c>Retry-After</c> header, in whole seconds rounded up).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The <c>Retry-After</c> header value in seconds (at least 1) when refused.</summary>
    public int? RetryAfterSeconds => IsAllowed ? null : (int)Math.Max(1, Math.Ceiling((RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds));

    public void Dispose()
    {
        foreach (var lease in _leases)
        {
            lease.Dispose();
        }
    }
}
