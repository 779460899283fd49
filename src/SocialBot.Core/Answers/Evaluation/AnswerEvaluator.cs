using System.Diagnostics;
using SocialBot.Core.Sentiment;

namespace SocialBot.Core.Answers.Evaluation;

/// <summary>
/// Measures quick answers on a development set the way triage uses them: each text's sentiment is analysed first
/// (a negative text needs the stricter threshold), then <see cref="QuickAnswers"/> decides on a public twitter post.
/// </summary>
public static class AnswerEvaluator
{
    public static async Task<AnswerEvaluationReport> EvaluateAsync(
        QuickAnswers answers, ISentimentAnalyzer sentiment, IReadOnlyList<AnswerExample> examples, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(sentiment);
        ArgumentNullException.ThrowIfNull(examples);
        var mistakes = new List<AnswerMistake>();
        int answerable = 0, answered = 0, correct = 0, wrongEntry = 0, shouldNot = 0, wronglyAnswered = 0;
        var matching = TimeSpan.Zero;
        if (examples.Count > 0)
        {
            // Warm up (JIT, lazily embedded questions) before the clock starts, so the time measures matching, not start-up.
            _ = answers.Find(examples[0].Text, "twitter", isPublic: true, negative: false, at, "eval/warm-up", cancellationToken);
        }

        foreach (var example in examples)
        {
            var mood = await sentiment.AnalyzeAsync(example.Text, cancellationToken);
            var started = Stopwatch.GetTimestamp();
            var lookup = answers.Find(example.Text, "twitter", isPublic: true, mood.IsNegative, at, $"eval/{example.Line}", cancellationToken);
            matching += Stopwatch.GetElapsedTime(started);
            var given = lookup?.Answer;
            if (example.AnswerId is null)
            {
                shouldNot++;
            }
            else
            {
                answerable++;
            }

            if (given is not null)
            {
                answered++;
            }

            var right = string.Equals(given?.EntryId, example.AnswerId, StringComparison.OrdinalIgnoreCase);
            if (given is not null && right)
            {
                correct++;
            }
            else if (given is not null && example.AnswerId is null)
            {
                wronglyAnswered++;
            }
            else if (given is not null)
            {
                wrongEntry++;
            }

            if (!right)
            {
                var best = lookup is { Ranked.Count: > 0 } ? lookup.Ranked[0] : null;
                mistakes.Add(new AnswerMistake(example.Line, example.AnswerId, given?.EntryId, best?.EntryId, best?.Score ?? 0, mood.IsNegative, example.Text));
            }
        }

        return new AnswerEvaluationReport
        {
            N = examples.Count,
            Matcher = answers.MatcherName,
            Answerable = answerable,
            ShouldNotAnswer = shouldNot,
            Answered = answered,
            Correct = correct,
            WrongEntry = wrongEntry,
            WronglyAnswered = wronglyAnswered,
            Precision = Ratio(correct, answered),
            Recall = Ratio(correct, answerable),
            WronglyAnsweredRate = Ratio(wronglyAnswered, shouldNot),
            MicrosecondsPerMention = examples.Count == 0 ? 0 : Math.Round(matching.TotalMicroseconds / examples.Count, 1),
            Mistakes = mistakes,
        };
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
