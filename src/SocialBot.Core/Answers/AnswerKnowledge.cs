using SocialBot.Core.Configuration;

namespace SocialBot.Core.Answers;

/// <summary>The validated knowledge list of <c>SocialBot:Answers</c>.</summary>
public sealed class AnswerKnowledge
{
    private AnswerKnowledge(IReadOnlyList<AnswerEntry> entries)
    {
        Entries = entries;
    }

    public IReadOnlyList<AnswerEntry> Entries { get; }

    /// <summary>Validates the section; throws <see cref="SocialBotConfigurationException"/> naming the first wrong key.</summary>
    public static AnswerKnowledge From(AnswersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Matcher is not ("lexical" or "semantic"))
        {
            throw new SocialBotConfigurationException($"{AnswersOptions.SectionName}:Matcher", $"'{options.Matcher}' is not a matcher (lexical or semantic)");
        }

        Thresholds(options.Lexical, $"{AnswersOptions.SectionName}:Lexical");
        Thresholds(options.Semantic, $"{AnswersOptions.SectionName}:Semantic");
        var entries = new List<AnswerEntry>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Entries.Count; i++)
        {
            var key = $"{AnswersOptions.SectionName}:Entries:{i}";
            var entry = AnswerEntry.From(options.Entries[i], key);
            if (!ids.Add(entry.Id))
            {
                throw new SocialBotConfigurationException($"{key}:Id", $"'{entry.Id}' is used by an earlier entry; ids must be unique");
            }

            entries.Add(entry);
        }

        return new AnswerKnowledge(options.Enabled ? entries : []);
    }

    private static void Thresholds(AnswerThresholdOptions thresholds, string key)
    {
        Unit(thresholds.MinScore, $"{key}:MinScore");
        Unit(thresholds.MinMargin, $"{key}:MinMargin");
        Unit(thresholds.NegativeMinScore, $"{key}:NegativeMinScore");
        if (thresholds.NegativeMinScore < thresholds.MinScore)
        {
            throw new SocialBotConfigurationException($"{key}:NegativeMinScore", $"{thresholds.NegativeMinScore} is below MinScore {thresholds.MinScore}; a negative mention needs a stricter match, not a looser one");
        }
    }

    private static void Unit(double value, string key)
    {
        if (double.IsNaN(value) || value is < 0 or > 1)
        {
            throw new SocialBotConfigurationException(key, $"{value} is outside 0..1");
        }
    }
}
