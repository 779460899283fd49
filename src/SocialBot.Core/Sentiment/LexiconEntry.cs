using System.Globalization;
using System.Text;

namespace SocialBot.Core.Sentiment;

/// <summary>One word of the VADER lexicon with its mean human valence (-4..+4).</summary>
internal sealed class LexiconEntry(string word, double valence)
{
    private string? _cue;

    public string Word { get; } = word;

    public double Valence { get; } = valence;

    /// <summary>The trace line for this word, built once on first use (benign race: every thread builds the same text).</summary>
    public string Cue => _cue ??= string.Create(CultureInfo.InvariantCulture, $"lexicon: \"{Word}\" {Valence}");
}
