namespace SocialBot.Core.Channels;

public enum LengthCounting
{
    /// <summary>UTF-16 code units, as most APIs count.</summary>
    Utf16,

    /// <summary>User-perceived characters (extended grapheme clusters).</summary>
    Graphemes,

    /// <summary>X/Twitter's weighted count: CJK and most non-Latin characters and every emoji count 2, a URL counts 23.</summary>
    TwitterWeighted,
}
