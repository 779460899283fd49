namespace SocialBot.Inbox.Identity;

/// <summary>The outcome of reading a request's sign-in: an identity, or why there is none.</summary>
public sealed record SignInResult(InboxIdentity? Identity, string? Problem)
{
    public static SignInResult None(string problem) => new(null, problem);

    public static SignInResult Of(InboxIdentity identity) => new(identity, null);
}
