namespace SocialBot.Networks.Common;

/// <summary>Verifies a configured network's credentials against its API (<c>socialbot networks check</c>).</summary>
public interface INetworkCheck
{
    string Name { get; }

    /// <summary>Who the credentials belong to (e.g. <c>@handle (id 123)</c>); throws <see cref="NetworkApiException"/> when they do not work.</summary>
    Task<string> CheckAsync(CancellationToken cancellationToken = default);
}
