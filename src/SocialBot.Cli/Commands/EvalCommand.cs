using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Sentiment.Cascade;
using SocialBot.Core.Sentiment.Evaluation;

namespace SocialBot.Cli.Commands;

/// <summary><c>socialbot eval sentiment</c>: scores a labelled TSV with the chosen analyzer and prints the figures.</summary>
internal static class EvalCommand
{
    public static Command Create(CliConsole console, CliServices services)
    {
        var dataOption = new Option<string>("--data") { Description = "A TSV with header label<TAB>text (labels negative, neutral, positive).", Required = true };
        var analyzerOption = new Option<string?>("--analyzer")
        {
            Description = "lexicon (also 'embedded'), hybrid (lexicon fast path, then the embedding head), cascade (then Azure for uncertain texts) or azure; overrides SocialBot:Sentiment:Analyzer.",
        };
        analyzerOption.AcceptOnlyFromAmong("lexicon", "embedded", "hybrid", "azure", "cascade");
        var errorsOption = new Option<int>("--errors") { Description = "List the N worst misclassifications (most confident wrong verdicts) with their cues and scores.", DefaultValueFactory = _ => 0 };
        var sentiment = new Command("sentiment", "Measure the sentiment analyzer on a labelled data set.");
        sentiment.Options.Add(dataOption);
        sentiment.Options.Add(analyzerOption);
        sentiment.Options.Add(errorsOption);
        sentiment.SetAction(async (parseResult, cancellationToken) =>
        {
            var data = parseResult.GetValue(dataOption)!;
            if (!File.Exists(data))
            {
                throw new CliException($"--data {data}: file not found");
            }

            IReadOnlyList<LabeledText> rows;
            try
            {
                rows = await LabeledTextReader.ReadFileAsync(data, cancellationToken);
            }
            catch (FormatException exception)
            {
                throw new CliException(exception.Message, exception);
            }

            var errors = parseResult.GetValue(errorsOption);
            if (errors < 0)
            {
                throw new CliException("--errors must be 0 or more");
            }

            var overrides = parseResult.GetValue(analyzerOption) is { } name
                ? new Dictionary<string, string?> { ["SocialBot:Sentiment:Analyzer"] = name == "lexicon" ? "embedded" : name }
                : null;
            using var provider = services.Build(parseResult.GetValue(CliOptions.Config), cloud: false, overrides);
            var analyzer = provider.GetRequiredService<ISentimentAnalyzer>();
            var progress = console.Interactive && rows.Count >= 500 ? new ProgressBar(console.Error, rows.Count) : null;
            await WarmUpAsync(analyzer, rows, cancellationToken);
            var misses = errors > 0 ? new List<Misclassification>() : null;
            var report = await SentimentEvaluator.EvaluateAsync(analyzer, rows, progress, misses, cancellationToken);
            progress?.Finish();
            var worst = misses is null ? [] : EvalErrors.Worst(misses, errors);
            var cascade = (analyzer as CascadeSentimentAnalyzer)?.Statistics;
            if (CliOptions.IsText(parseResult))
            {
                var o = console.Output;
                o.WriteLine($"{report.N} texts, analyzer {analyzer.Name}: accuracy {report.Accuracy:F3}, macro F1 {report.MacroF1:F3}");
                o.WriteLine($"negative: precision {report.Negative.Precision:F3}, recall {report.Negative.Recall:F3}, F1 {report.Negative.F1:F3}");
                o.WriteLine($"{report.TextsPerSecond.ToString("N0", CultureInfo.InvariantCulture)} texts per second");
                if (cascade is not null)
                {
                    o.WriteLine($"cascade: {cascade.ShareSentToRemote:P1} of texts sent to Azure (the cost), {cascade.Fallbacks} fell back to the local analyzer");
                }

                if (EvalErrors.Stages(analyzer, provider) is { } stages)
                {
                    o.WriteLine(stages);
                }

                EvalErrors.WriteConfusion(o, report);
                EvalErrors.WriteErrors(o, worst);
            }
            else
            {
                var cost = cascade is null ? null : new CascadeCostView(cascade.TextsSentToRemote, cascade.ShareSentToRemote, cascade.Fallbacks, cascade.RemoteFailures);
                console.WriteJson(new EvaluationView(report, cost, errors > 0 ? worst : null));
            }

            return 0;
        });
        var command = new Command("eval", "Evaluate SocialBot's components.");
        command.Subcommands.Add(sentiment);
        command.Subcommands.Add(AnswersCommand.Eval(console, services));
        return command;
    }

    /// <summary>The report plus what the cascade cost: the share of texts sent to Azure.</summary>
    /// <summary>Scores one text before the clock starts, so textsPerSecond measures analysis, not loading lexicons or the model.</summary>
    private static async Task WarmUpAsync(ISentimentAnalyzer analyzer, IReadOnlyList<LabeledText> rows, CancellationToken cancellationToken)
    {
        if (rows.Count > 0 && analyzer is not CascadeSentimentAnalyzer)
        {
            _ = await analyzer.AnalyzeAsync("warm up: still waiting for my refund", cancellationToken);
        }
    }

    /// <summary>The report, plus what the cascade cost (the share of texts sent to Azure) and the worst misclassifications when asked for.</summary>
    private sealed record EvaluationView(
        [property: System.Text.Json.Serialization.JsonIgnore] SentimentEvaluationReport Report,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] CascadeCostView? Cascade,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Misclassification>? Errors)
    {
        public int N => Report.N;

        public double Accuracy => Report.Accuracy;

        public double MacroF1 => Report.MacroF1;

        public ClassScores Negative => Report.Negative;

        public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion => Report.Confusion;

        public double TextsPerSecond => Report.TextsPerSecond;
    }

    private sealed record CascadeCostView(long TextsSentToAzure, double ShareSentToAzure, long Fallbacks, long AzureFailures);

    /// <summary>A one-line progress bar on stderr, redrawn in place.</summary>
    private sealed class ProgressBar : IProgress<int>
    {
        private readonly TextWriter _writer;
        private readonly int _total;
        private int _lastPercent = -1;

        public ProgressBar(TextWriter writer, int total)
        {
            _writer = writer;
            _total = total;
        }

        public void Report(int value)
        {
            var percent = (int)(100L * value / _total);
            if (percent == _lastPercent)
            {
                return;
            }

            _lastPercent = percent;
            var filled = percent * 30 / 100;
            _writer.Write($"\r[{new string('#', filled)}{new string('.', 30 - filled)}] {percent,3}% {value}/{_total}");
        }

        public void Finish() => _writer.WriteLine();
    }
}
