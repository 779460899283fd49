using BenchmarkDotNet.Attributes;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Sentiment.Evaluation;

namespace SocialBot.Benchmarks;

/// <summary>
/// Throughput of the embedded analyzer on tweet-length texts: the first <see cref="TextCount"/> rows of at most 280
/// characters from the dev sets (../shared/data/sentiment), interleaved, loaded once. One invocation scores them all,
/// so the reported time is per text. Not sealed: BenchmarkDotNet derives from benchmark classes.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class EmbeddedSentimentBenchmarks
{
    private const int TextCount = 1000;

    private readonly EmbeddedSentimentAnalyzer _analyzer = new();
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        var tweets = LabeledTextReader.ReadFileAsync(DataFile("dev-vader-tweets.tsv")).GetAwaiter().GetResult();
        var reviews = LabeledTextReader.ReadFileAsync(DataFile("dev-uci-amazon.tsv")).GetAwaiter().GetResult();
        var texts = new List<string>(TextCount);
        for (var i = 0; texts.Count < TextCount && (i < tweets.Count || i < reviews.Count); i++)
        {
            AddShort(texts, tweets, i);
            AddShort(texts, reviews, i);
        }

        _texts = [.. texts.Take(TextCount)];
        _analyzer.Analyze(_texts[0]);
    }

    [Benchmark(OperationsPerInvoke = TextCount)]
    public double AnalyzeShortText()
    {
        double sum = 0;
        foreach (var text in _texts)
        {
            sum += _analyzer.Analyze(text).Score;
        }

        return sum;
    }

    private static void AddShort(List<string> texts, IReadOnlyList<LabeledText> rows, int i)
    {
        if (i < rows.Count && rows[i].Text.Length <= 280)
        {
            texts.Add(rows[i].Text);
        }
    }

    private static string DataFile(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SocialBot.sln")))
        {
            directory = directory.Parent;
        }

        var path = directory is null ? null : Path.Combine(directory.FullName, "..", "shared", "data", "sentiment", name);
        return path is not null && File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Sentiment dev set '{name}' not found beside the repository (../shared/data/sentiment).", name);
    }
}
