using System.Diagnostics;

namespace SocialBot.Core.Sentiment.Evaluation;

/// <summary>Scores a labelled set with any <see cref="ISentimentAnalyzer"/> and computes the report.</summary>
public static class SentimentEvaluator
{
    /// <summary>Texts per <see cref="ISentimentAnalyzer.AnalyzeBatchAsync"/> call, so remote analyzers can batch.</summary>
    public const int BatchSize = 10;

    private static readonly SentimentLabel[] Labels = [SentimentLabel.Negative, SentimentLabel.Neutral, SentimentLabel.Positive];

    /// <param name="analyzer">The analyzer under test.</param>
    /// <param name="data">The gold rows.</param>
    /// <param name="progress">Receives the number of rows scored so far after each batch.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static Task<SentimentEvaluationReport> EvaluateAsync(
        ISentimentAnalyzer analyzer,
        IReadOnlyList<LabeledText> data,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default) =>
        EvaluateAsync(analyzer, data, progress, misses: null, cancellationToken);

    /// <param name="analyzer">The analyzer under test.</param>
    /// <param name="data">The gold rows.</param>
    /// <param name="progress">Receives the number of rows scored so far after each batch.</param>
    /// <param name="misses">Receives every misclassified row with the verdict (for <c>--errors</c>); null to skip.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<SentimentEvaluationReport> EvaluateAsync(
        ISentimentAnalyzer analyzer,
        IReadOnlyList<LabeledText> data,
        IProgress<int>? progress,
        ICollection<Misclassification>? misses,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(data);
        var predicted = new SentimentLabel[data.Count];
        var batch = new List<string>(BatchSize);
        var stopwatch = Stopwatch.StartNew();
        for (var start = 0; start < data.Count; start += BatchSize)
        {
            batch.Clear();
            for (var i = start; i < Math.Min(start + BatchSize, data.Count); i++)
            {
                batch.Add(data[i].Text);
            }

            var results = await analyzer.AnalyzeBatchAsync(batch, cancellationToken);
            if (results.Count != batch.Count)
            {
                throw new InvalidOperationException($"Analyzer '{analyzer.Name}' returned {results.Count} results for {batch.Count} texts.");
            }

            for (var k = 0; k < results.Count; k++)
            {
                predicted[start + k] = results[k].Label;
                if (misses is not null && AsThreeClass(results[k].Label) != data[start + k].Label)
                {
                    misses.Add(new Misclassification(data[start + k].Text, data[start + k].Label, results[k]));
                }
            }

            progress?.Report(start + batch.Count);
        }

        stopwatch.Stop();
        return Report(data, predicted, stopwatch.Elapsed);
    }

    /// <summary>The report for predictions already made (training code scores its validation split with it).</summary>
    public static SentimentEvaluationReport Report(IReadOnlyList<LabeledText> data, SentimentLabel[] predicted, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(predicted);
        var confusion = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var correct = 0;
        for (var i = 0; i < data.Count; i++)
        {
            var gold = data[i].Label.ToWire();
            var guess = predicted[i].ToWire();
            if (!confusion.TryGetValue(gold, out var row))
            {
                row = new Dictionary<string, int>(StringComparer.Ordinal);
                confusion[gold] = row;
            }

            row[guess] = row.GetValueOrDefault(guess) + 1;
            correct += AsThreeClass(predicted[i]) == data[i].Label ? 1 : 0;
        }

        var macro = 0.0;
        var present = 0;
        foreach (var label in Labels)
        {
            if (Contains(data, label))
            {
                macro += Scores(data, predicted, label).F1;
                present++;
            }
        }

        var seconds = elapsed.TotalSeconds;
        return new SentimentEvaluationReport
        {
            N = data.Count,
            Accuracy = data.Count == 0 ? 0 : (double)correct / data.Count,
            MacroF1 = present == 0 ? 0 : macro / present,
            Negative = Scores(data, predicted, SentimentLabel.Negative),
            Confusion = confusion.ToDictionary(
                pair => pair.Key,
                pair => (IReadOnlyDictionary<string, int>)pair.Value,
                StringComparer.Ordinal),
            TextsPerSecond = seconds > 0 ? data.Count / seconds : 0,
        };
    }

    private static bool Contains(IReadOnlyList<LabeledText> data, SentimentLabel label)
    {
        for (var i = 0; i < data.Count; i++)
        {
            if (data[i].Label == label)
            {
                return true;
            }
        }

        return false;
    }

    private static ClassScores Scores(IReadOnlyList<LabeledText> data, SentimentLabel[] predicted, SentimentLabel label)
    {
        int truePositive = 0, falsePositive = 0, falseNegative = 0;
        for (var i = 0; i < data.Count; i++)
        {
            var isGold = data[i].Label == label;
            var isPredicted = AsThreeClass(predicted[i]) == label;
            truePositive += isGold && isPredicted ? 1 : 0;
            falsePositive += !isGold && isPredicted ? 1 : 0;
            falseNegative += isGold && !isPredicted ? 1 : 0;
        }

        var precision = truePositive + falsePositive == 0 ? 0 : (double)truePositive / (truePositive + falsePositive);
        var recall = truePositive + falseNegative == 0 ? 0 : (double)truePositive / (truePositive + falseNegative);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassScores { Precision = precision, Recall = recall, F1 = f1 };
    }

    /// <summary>Gold data has three classes; a mixed verdict counts as neutral.</summary>
    private static SentimentLabel AsThreeClass(SentimentLabel label) => label == SentimentLabel.Mixed ? SentimentLabel.Neutral : label;
}
