using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Sentiment.Cascade;
using SocialBot.Core.Sentiment.Evaluation;
using SocialBot.Models.Sentiment;

namespace SocialBot.Cli.Commands;

/// <summary>The human-readable parts of <c>eval sentiment --format text</c>: confusion table, stage shares, worst errors.</summary>
internal static class EvalErrors
{
    private static readonly string[] Labels = ["negative", "neutral", "positive", "mixed"];

    /// <summary>The <paramref name="count"/> worst misses: polarity flips first, then the most confident.</summary>
    public static IReadOnlyList<Misclassification> Worst(IEnumerable<Misclassification> misses, int count) =>
        [.. misses.OrderByDescending(m => m.Severity).ThenBy(m => m.Text, StringComparer.Ordinal).Take(count)];

    /// <summary>Which stage decided how many texts, when the hybrid analyzer ran alone or inside the cascade (null otherwise).</summary>
    public static string? Stages(ISentimentAnalyzer analyzer, IServiceProvider provider)
    {
        var local = analyzer is CascadeSentimentAnalyzer && provider.GetRequiredService<IOptions<CascadeOptions>>().Value.Local == HybridSentimentAnalyzer.AnalyzerName
            ? provider.GetRequiredKeyedService<ISentimentAnalyzer>(HybridSentimentAnalyzer.AnalyzerName)
            : analyzer;
        if (local is not HybridSentimentAnalyzer hybrid)
        {
            return null;
        }

        var (lexicon, model) = hybrid.Decided;
        var total = lexicon + model;
        return total == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"stages: lexicon decided {lexicon} ({(double)lexicon / total:P1}), hybrid head {model} ({(double)model / total:P1})");
    }

    public static void WriteConfusion(TextWriter output, SentimentEvaluationReport report)
    {
        var predicted = Labels.Where(l => report.Confusion.Values.Any(row => row.ContainsKey(l))).ToArray();
        output.WriteLine();
        output.WriteLine("gold \\ predicted " + string.Concat(predicted.Select(p => p.PadLeft(10))));
        foreach (var gold in Labels.Where(report.Confusion.ContainsKey))
        {
            var row = report.Confusion[gold];
            output.WriteLine(gold.PadRight(17) + string.Concat(predicted.Select(p => row.GetValueOrDefault(p).ToString(CultureInfo.InvariantCulture).PadLeft(10))));
        }
    }

    public static void WriteErrors(TextWriter output, IReadOnlyList<Misclassification> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"{errors.Count} worst misclassifications:");
        foreach (var error in errors)
        {
            var verdict = error.Verdict;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"- gold {error.Gold.ToWire()}, got {verdict.Label.ToWire()} {verdict.Score:+0.00;-0.00;0.00} ({verdict.Analyzer}): {Shorten(error.Text)}"));
            if (verdict.Cues.Count > 0)
            {
                output.WriteLine("    cues: " + string.Join("; ", verdict.Cues));
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : string.Concat(text.AsSpan(0, 157), "...");
}
