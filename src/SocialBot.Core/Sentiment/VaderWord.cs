namespace SocialBot.Core.Sentiment;

/// <summary>Function words that the VADER rules look for by name (negation, "but", "least", "kind of", "never so" …).</summary>
[Flags]
internal enum VaderWord
{
    None = 0,
    Negation = 1 << 0,
    No = 1 << 1,
    Never = 1 << 2,
    SoOrThis = 1 << 3,
    Without = 1 << 4,
    Doubt = 1 << 5,
    Least = 1 << 6,
    AtOrVery = 1 << 7,
    Kind = 1 << 8,
    Of = 1 << 9,
    But = 1 << 10,
    OrNor = 1 << 11,
}
