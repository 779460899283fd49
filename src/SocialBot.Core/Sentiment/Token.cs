namespace SocialBot.Core.Sentiment;

/// <summary>One word of the text: where it is, and what the lexicon and the rule tables say about it.</summary>
internal struct Token
{
    public int Start;
    public int Length;
    public LexiconEntry? Entry;
    public WordTraits Traits;
    public bool IsUpper;

    /// <summary>Index of the sentence the token is in (capped at 63), for rules that stay within a sentence.</summary>
    public int Sentence;

    public readonly bool Is(VaderWord word) => (Traits.Vader & word) != 0;

    public readonly bool Is(CareWord role) => (Traits.Care & role) != 0;

    public readonly bool IsNegation => (Traits.Vader & VaderWord.Negation) != 0;
}
