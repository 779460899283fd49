namespace SocialBot.Core.Mentions;

/// <summary>Channel + mention id: the identity of a mention everywhere in SocialBot.</summary>
public readonly record struct MentionKey(string Channel, string Id)
{
    public override string ToString() => $"{Channel}/{Id}";
}
