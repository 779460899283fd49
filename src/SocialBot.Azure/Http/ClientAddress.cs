namespace SocialBot.Azure.Http;

/// <summary>Which address to partition the rate limit by.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The client's address: the last hop of <c>X-Forwarded-For</c> (the one the platform's front end appended; earlier
    /// hops are whatever the caller wrote), without a port, else the connection's remote address, else "unknown".
    /// </summary>
    public static string From(string? forwardedFor, string? remoteAddress)
    {
        var candidate = forwardedFor?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        candidate ??= remoteAddress;
        if (string.IsNullOrWhiteSpace(candidate))
        {
            return "unknown";
        }

        candidate = candidate.Trim();
        if (System.Net.IPEndPoint.TryParse(candidate, out var endpoint))
        {
            return endpoint.Address.ToString();
        }

        return LogValue.Truncate(candidate, 64);
    }
}
