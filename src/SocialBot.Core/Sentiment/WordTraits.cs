using System.Collections.Frozen;

namespace SocialBot.Core.Sentiment;

/// <summary>What the rules know about one word besides its lexicon valence: booster step, VADER role, care roles.</summary>
internal readonly record struct WordTraits(double Booster, VaderWord Vader, CareWord Care)
{
    private static readonly FrozenDictionary<string, WordTraits>.AlternateLookup<ReadOnlySpan<char>> Table = Build();

    /// <summary>Looks a token up case-insensitively; unknown words have no traits.</summary>
    public static WordTraits Of(ReadOnlySpan<char> token) => Table.TryGetValue(token, out var traits) ? traits : default;

    private static FrozenDictionary<string, WordTraits>.AlternateLookup<ReadOnlySpan<char>> Build()
    {
        var table = new Dictionary<string, WordTraits>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in VaderRules.Boosters)
        {
            Merge(table, word, new WordTraits(VaderRules.BoosterIncrement, VaderWord.None, CareWord.None));
        }

        foreach (var word in VaderRules.Dampeners)
        {
            Merge(table, word, new WordTraits(VaderRules.BoosterDecrement, VaderWord.None, CareWord.None));
        }

        foreach (var word in VaderRules.Negations)
        {
            Merge(table, word, new WordTraits(0, VaderWord.Negation, CareWord.None));
        }

        foreach (var (word, flag) in VaderRules.Keywords)
        {
            Merge(table, word, new WordTraits(0, flag, CareWord.None));
        }

        foreach (var (role, words) in CareVocabulary.Classes)
        {
            foreach (var word in words)
            {
                Merge(table, word, new WordTraits(0, VaderWord.None, role));
            }
        }

        return table.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static void Merge(Dictionary<string, WordTraits> table, string word, WordTraits traits)
    {
        table[word] = table.TryGetValue(word, out var existing)
            ? new WordTraits(existing.Booster != 0 ? existing.Booster : traits.Booster, existing.Vader | traits.Vader, existing.Care | traits.Care)
            : traits;
    }
}
