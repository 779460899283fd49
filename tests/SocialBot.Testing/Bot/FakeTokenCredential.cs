using Azure.Core;

namespace SocialBot.Testing.Bot;

/// <summary>Hands out numbered tokens valid for an hour from the given clock, and counts the requests.</summary>
public sealed class FakeTokenCredential : TokenCredential
{
    private readonly TimeProvider _time;
    private int _issued;

    public FakeTokenCredential(TimeProvider time)
    {
        _time = time;
    }

    public int Issued => _issued;

    public List<string[]> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Scopes)
        {
            Scopes.Add(requestContext.Scopes);
        }

        var number = Interlocked.Increment(ref _issued);
        return ValueTask.FromResult(new AccessToken($"connector-token-{number}", _time.GetUtcNow().AddHours(1)));
    }
}
