namespace SocialBot.Core.Channels;

/// <summary>What SocialBot knows about a channel: how long a reply may be, how that length is counted, and whether posts are public.</summary>
public sealed record ChannelProfile(string Name, int MaxReplyLength, bool IsPublicByDefault, LengthCounting Counting)
{
    /// <summary>The reply's length as the channel counts it.</summary>
    public int LengthOf(string text) => Counting switch
    {
        LengthCounting.TwitterWeighted => TextLength.TwitterWeighted(text),
        LengthCounting.Graphemes => TextLength.Graphemes(text),
        _ => text.Length,
    };

    public bool Fits(string text) => LengthOf(text) <= MaxReplyLength;
}
