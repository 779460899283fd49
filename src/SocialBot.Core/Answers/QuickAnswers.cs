using System.Globalization;
using SocialBot.Core.Hours;
using SocialBot.Core.Mentions;

namespace SocialBot.Core.Answers;

/// <summary>
/// Finds the quick answer for a mention (DESIGN.md section 1, step 4): ranks the entries that apply (valid now in the
/// team's zone, on the mention's network) with the matcher, and answers only when the best entry clears the threshold
/// (stricter for a negative mention) and beats the runner-up by the margin, and only in private when the entry is not
/// public. The answer variant is chosen from channel + id, so a retry picks the same one.
/// </summary>
public sealed class QuickAnswers
{
    private static readonly HashSet<string> Greetings = new(StringComparer.Ordinal) { "hi", "hey", "hello", "hiya", "yo", "morning", "evening", "afternoon", "good", "quick", "question", "q", "so" };

    private static readonly HashSet<string> QuestionStarts = new(StringComparer.Ordinal)
    {
        "what", "whats", "when", "whens", "where", "wheres", "how", "hows", "which", "who", "do", "does", "did", "can", "could",
        "is", "are", "will", "would", "should", "may", "any", "anyone", "wondering", "until", "till",
    };

    private readonly AnswerKnowledge _knowledge;
    private readonly IAnswerMatcher _matcher;
    private readonly StaffedHours _hours;

    public QuickAnswers(AnswerKnowledge knowledge, IAnswerMatcher matcher, AnswersOptions options, StaffedHours hours)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hours);
        _knowledge = knowledge;
        _matcher = matcher;
        Options = options;
        _hours = hours;
    }

    public AnswersOptions Options { get; }

    public string MatcherName => _matcher.Name;

    /// <summary>Null when the knowledge list is empty or switched off.</summary>
    public AnswerLookup? Find(Mention mention, bool negative, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return Find(mention.Text, mention.Channel, mention.IsPublic, negative, at, $"{mention.Channel}/{mention.Id}", cancellationToken);
    }

    /// <summary>Null when the knowledge list is empty or switched off.</summary>
    /// <param name="text">What the customer wrote.</param>
    /// <param name="channel">The mention's channel (for entries limited to some networks).</param>
    /// <param name="isPublic">Whether the reply would be public (entries with <c>Public: false</c> are not given then).</param>
    /// <param name="negative">Whether the mention is negative (the stricter threshold applies).</param>
    /// <param name="at">The instant of the decision (for validity dates, in the team's zone).</param>
    /// <param name="seed">Chooses the answer variant deterministically.</param>
    /// <param name="cancellationToken">Cancels embedding.</param>
    public AnswerLookup? Find(string text, string channel, bool isPublic, bool negative, DateTimeOffset at, string seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(seed);
        if (_knowledge.Entries.Count == 0)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(at, _hours.TimeZone).DateTime;
        var scores = _matcher.Score(text, cancellationToken);
        var ranked = _knowledge.Entries
            .Select((entry, i) => (Entry: entry, Score: scores[i]))
            .Where(candidate => candidate.Entry.IsValidAt(local) && candidate.Entry.AppliesTo(channel))
            .OrderByDescending(candidate => candidate.Score)
            .ThenBy(candidate => candidate.Entry.Id, StringComparer.Ordinal)
            .ToArray();
        var view = ranked.Select(candidate => new AnswerCandidate(candidate.Entry.Id, Math.Round(candidate.Score, 4))).ToArray();
        if (ranked.Length == 0 || ranked[0].Score <= 0)
        {
            var why = ranked.Length == 0 ? "no entry applies now on " + channel : "no entry shares a word with the mention";
            return new AnswerLookup { Matcher = _matcher.Name, Ranked = view, Trace = $"no quick answer ({_matcher.Name}): {why}" };
        }

        var (best, score) = ranked[0];
        var runnerUp = ranked.Length > 1 ? view[1] : null;
        var thresholds = _matcher.Thresholds;
        var scored = $"best {best.Id} {F(score)}, runner-up {(runnerUp is null ? "none" : $"{runnerUp.EntryId} {F(runnerUp.Score)}")}";
        var minimum = negative ? thresholds.NegativeMinScore : thresholds.MinScore;
        var refusal = Options.RequireQuestion ? QuestionProblem(text) : null;
        if (refusal is not null)
        {
            // A statement or a complaint is never answered from the list, however well it matches.
        }
        else if (score < minimum)
        {
            refusal = $"not sure enough: below {F(minimum)}" + (negative ? " (the stricter threshold for a negative mention)" : "");
        }
        else if (score - (runnerUp?.Score ?? 0) < thresholds.MinMargin)
        {
            refusal = $"not sure enough: the margin over the runner-up is under {F(thresholds.MinMargin)}";
        }
        else if (!best.Public && isPublic)
        {
            refusal = $"entry {best.Id} is not given in public (Public: false)";
        }

        if (refusal is not null)
        {
            return new AnswerLookup { Matcher = _matcher.Name, Ranked = view, Trace = $"no quick answer ({_matcher.Name}): {scored}; {refusal}" };
        }

        var answer = new QuickAnswer
        {
            EntryId = best.Id,
            Score = Math.Round(score, 4),
            RunnerUp = runnerUp,
            Text = best.Answers[(int)(Fnv(seed) % (uint)best.Answers.Count)],
        };
        return new AnswerLookup { Matcher = _matcher.Name, Ranked = view, Answer = answer, Trace = $"quick answer {best.Id} ({_matcher.Name}): {scored}" };
    }

    /// <summary>Null when the text asks a question a canned answer can serve; else why not.</summary>
    public static string? QuestionProblem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = AnswerTokenizer.Words(text).ToArray();
        if (words.Contains("why", StringComparer.Ordinal))
        {
            return "the mention asks why, which a person should explain";
        }

        if (text.Contains('?', StringComparison.Ordinal) || text.Contains('\uFF1F', StringComparison.Ordinal))
        {
            return null;
        }

        var first = words.SkipWhile(word => Greetings.Contains(word)).FirstOrDefault();
        return first is not null && QuestionStarts.Contains(first) ? null : "the mention does not ask a question";
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
