namespace SocialBot.Core.Triage;

public sealed record ReplyDraft(string Text)
{
    /// <summary>Whether the text carries the quick answer.</summary>
    public bool IncludesAnswer { get; init; }
}
