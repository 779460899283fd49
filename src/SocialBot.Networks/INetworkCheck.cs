namespace SocialBot.Networks;

/// <summary>
/// A network's self-check for <c>socialbot networks check</c>: are its credentials valid and does the account it
/// names exist. Each configured network registers one (<c>TryAddEnumerable</c>).
/// </summary>
public interface INetworkCheck
{
    /// <summary>The network's configuration name (<c>meta</c>, <c>x</c>, …).</summary>
    string Name { get; }

    Task<NetworkCheckResult> CheckAsync(CancellationToken cancellationToken = default);
}

/// <summary>The outcome of a network check: <see cref="Detail"/> says what was verified or what is wrong (never a secret).</summary>
public sealed record NetworkCheckResult(string Network, bool Ok, string Detail);
