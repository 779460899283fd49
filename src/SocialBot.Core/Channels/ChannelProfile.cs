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

public enum LengthCounting
{
    /// <summary>UTF-16 code units, as most APIs count.</summary>
    Utf16,

    /// <summary>User-perceived characters (extended grapheme clusters).</summary>
    Graphemes,

    /// <summary>X/Twitter's weighted count: CJK and most non-Latin characters and every emoji count 2, a URL counts 23.</summary>
    TwitterWeighted,
}
