using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using SocialBot.Core.Embeddings;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Sentiment.Evaluation;
using SocialBot.Core.Sentiment.Hybrid;

namespace SocialBot.Models.Sentiment;

/// <summary>What <see cref="HybridTrainer"/> trains on and how.</summary>
public sealed record HybridTrainingOptions
{
    /// <summary>The folder with the training files (../shared/data/sentiment).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Training files in <see cref="DataDirectory"/>: label&lt;TAB&gt;text with a header.</summary>
    public IReadOnlyList<string> Files { get; init; } = ["train-goemotions.tsv", "train-dynasent.tsv"];

    /// <summary>Seed of the split shuffle (the optimiser itself is deterministic full-batch gradient descent).</summary>
    public int Seed { get; init; } = 17;

    /// <summary>Share of each file held out for validation (class weights and thresholds are chosen on it).</summary>
    public double ValidationShare { get; init; } = 0.1;

    /// <summary>Use only this many rows of each file (after the shuffle), for a quick deterministic subset.</summary>
    public int? MaxRowsPerFile { get; init; }

    public int Epochs { get; init; } = 300;

    /// <summary>Embedding cache (text → vector) so retraining does not embed again; null for none.</summary>
    public string? CachePath { get; init; }

    /// <summary>The command line recorded in the manifest.</summary>
    public string Command { get; init; } = "socialbot train sentiment";
}

/// <summary>
/// Trains the hybrid head: splits the files (seeded, per file), embeds the texts, extracts the lexicon features, fits
/// a multinomial logistic regression by full-batch Adam (deterministic: fixed order, one thread) for each candidate
/// class weighting and L2, and chooses the weighting, the negative threshold and the lexicon fast-path bound on the
/// validation split.
/// </summary>
public sealed class HybridTrainer
{
    private static readonly string[] Weightings = ["none", "balanced"];
    private static readonly double[] L2s = [1e-4, 1e-3];

    private readonly ITextEmbedder _embedder;
    private readonly EmbeddedSentimentAnalyzer _lexicon;
    private readonly TextWriter _log;

    public HybridTrainer(ITextEmbedder embedder, EmbeddedSentimentAnalyzer lexicon, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(lexicon);
        _embedder = embedder;
        _lexicon = lexicon;
        _log = log ?? TextWriter.Null;
    }

    public async Task<HybridHead> TrainAsync(HybridTrainingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (train, validation, hashes) = await SplitAsync(options, cancellationToken);
        _log.WriteLine($"{train.Count} training rows, {validation.Count} validation rows");
        var cache = EmbeddingCache.Open(options.CachePath, _embedder.Dimensions);
        var trainSet = Featurise(train, cache, cancellationToken);
        var validationSet = Featurise(validation, cache, cancellationToken);
        cache.Save();

        var (mean, scale) = Standardisation(trainSet.Lexicon);
        var dimensions = _embedder.Dimensions;
        var xTrain = Design(trainSet, dimensions, mean, scale);
        var xValidation = Design(validationSet, dimensions, mean, scale);

        (double Objective, float[][] Weights, float[] Bias, string Weighting, double L2, double Threshold)? best = null;
        foreach (var weighting in Weightings)
        {
            foreach (var l2 in L2s)
            {
                var stopwatch = Stopwatch.StartNew();
                var (weights, bias) = Fit(xTrain, trainSet.Labels, ClassWeights(trainSet.Labels, weighting), l2, options.Epochs, cancellationToken);
                var probabilities = Predict(xValidation, weights, bias);
                var (threshold, objective) = ChooseThreshold(validation, probabilities);
                _log.WriteLine(FormattableString.Invariant($"weighting {weighting}, L2 {l2}: validation objective {objective:F4} at P(negative) >= {threshold:F3} ({stopwatch.Elapsed.TotalSeconds:F0} s)"));
                if (best is null || objective > best.Value.Objective)
                {
                    best = (objective, weights, bias, weighting, l2, threshold);
                }
            }
        }

        var chosen = best!.Value;
        var validationProbabilities = Predict(xValidation, chosen.Weights, chosen.Bias);
        var hybridLabels = validationProbabilities.Select(p => HybridHead.Decide(p, chosen.Threshold)).ToArray();
        var lexiconLabels = validationSet.Results.Select(r => r.Label).ToArray();
        var (sure, share) = ChooseLexiconSure(validation, validationSet, hybridLabels);
        var cascadeLabels = Cascade(validationSet, hybridLabels, sure);
        var figures = new Dictionary<string, ValidationFigures>(StringComparer.Ordinal)
        {
            ["lexicon"] = Figures(validation, lexiconLabels),
            ["hybrid"] = Figures(validation, hybridLabels),
            ["cascade"] = Figures(validation, cascadeLabels),
        };
        foreach (var (name, f) in figures)
        {
            _log.WriteLine(FormattableString.Invariant($"validation {name}: accuracy {f.Accuracy:F3}, macro F1 {f.MacroF1:F3}, negative P {f.NegativePrecision:F3} R {f.NegativeRecall:F3} F1 {f.NegativeF1:F3}"));
        }

        _log.WriteLine(FormattableString.Invariant($"lexicon fast path at |compound| >= {sure:F2}: decides {share:P1} of validation texts"));
        return new HybridHead
        {
            EmbeddingDimensions = dimensions,
            LexiconFeatureNames = [.. LexiconFeatures.Names],
            FeatureMean = mean,
            FeatureScale = scale,
            Weights = chosen.Weights,
            Bias = chosen.Bias,
            NegativeThreshold = chosen.Threshold,
            LexiconSure = sure,
            Training = new TrainingManifest
            {
                Command = options.Command,
                Seed = options.Seed,
                Data = hashes,
                TrainRows = train.Count,
                ValidationRows = validation.Count,
                ClassWeighting = chosen.Weighting,
                L2 = chosen.L2,
                Epochs = options.Epochs,
                Validation = figures,
                LexiconShare = share,
            },
        };
    }

    /// <summary>Reads each file, shuffles it with the seed, and holds out the first share of it for validation.</summary>
    internal static async Task<(List<LabeledText> Train, List<LabeledText> Validation, List<DataFileHash> Hashes)> SplitAsync(
        HybridTrainingOptions options, CancellationToken cancellationToken)
    {
        var train = new List<LabeledText>();
        var validation = new List<LabeledText>();
        var hashes = new List<DataFileHash>();
        foreach (var file in options.Files)
        {
            var path = Path.Combine(options.DataDirectory, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Training file {path} not found.", path);
            }

            var rows = (await LabeledTextReader.ReadFileAsync(path, cancellationToken)).ToList();
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            hashes.Add(new DataFileHash(file, Convert.ToHexStringLower(SHA256.HashData(bytes)), rows.Count));
#pragma warning disable CA5394 // Not for security: a seeded, reproducible shuffle of the split.
            new Random(options.Seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
#pragma warning restore CA5394
            if (options.MaxRowsPerFile is { } max && rows.Count > max)
            {
                rows.RemoveRange(max, rows.Count - max);
            }

            var held = (int)Math.Round(rows.Count * options.ValidationShare);
            validation.AddRange(rows.Take(held));
            train.AddRange(rows.Skip(held));
        }

        return (train, validation, hashes);
    }

    private Featurised Featurise(List<LabeledText> rows, EmbeddingCache cache, CancellationToken cancellationToken)
    {
        var missing = rows.Select(r => r.Text).Where(t => !cache.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        const int Chunk = 256;
        var stopwatch = Stopwatch.StartNew();
        for (var start = 0; start < missing.Count; start += Chunk)
        {
            var batch = missing.GetRange(start, Math.Min(Chunk, missing.Count - start));
            var vectors = _embedder.Embed(batch, cancellationToken);
            for (var k = 0; k < batch.Count; k++)
            {
                cache.Add(batch[k], vectors[k]);
            }

            if ((start / Chunk) % 8 == 7)
            {
                _log.WriteLine(FormattableString.Invariant($"embedded {start + batch.Count}/{missing.Count} ({(start + batch.Count) / stopwatch.Elapsed.TotalSeconds:F0} texts/s)"));
                cache.Save();
            }
        }

        var set = new Featurised(rows.Count);
        foreach (var row in rows)
        {
            var signals = LexiconFeatures.Extract(_lexicon, row.Text);
            set.Embeddings.Add(cache.Get(row.Text));
            set.Lexicon.Add(signals.Features);
            set.Results.Add(signals.Result);
            set.Labels.Add(ClassIndex(row.Label));
        }

        return set;
    }

    private static int ClassIndex(SentimentLabel label) => label switch
    {
        SentimentLabel.Negative => 0,
        SentimentLabel.Positive => 2,
        _ => 1,
    };

    private static (float[] Mean, float[] Scale) Standardisation(List<float[]> features)
    {
        var count = LexiconFeatures.Names.Count;
        var mean = new float[count];
        var scale = new float[count];
        for (var j = 0; j < count; j++)
        {
            double sum = 0;
            foreach (var f in features)
            {
                sum += f[j];
            }

            var m = sum / Math.Max(1, features.Count);
            double squares = 0;
            foreach (var f in features)
            {
                squares += (f[j] - m) * (f[j] - m);
            }

            var sd = Math.Sqrt(squares / Math.Max(1, features.Count));
            mean[j] = (float)m;
            scale[j] = sd > 1e-6 ? (float)sd : 1;
        }

        return (mean, scale);
    }

    private static float[][] Design(Featurised set, int dimensions, float[] mean, float[] scale)
    {
        var rows = new float[set.Labels.Count][];
        for (var i = 0; i < rows.Length; i++)
        {
            var x = new float[dimensions + mean.Length];
            set.Embeddings[i].CopyTo(x, 0);
            var lexicon = set.Lexicon[i];
            for (var j = 0; j < mean.Length; j++)
            {
                x[dimensions + j] = (lexicon[j] - mean[j]) / scale[j];
            }

            rows[i] = x;
        }

        return rows;
    }

    private static double[] ClassWeights(List<int> labels, string weighting)
    {
        var weights = new double[] { 1, 1, 1 };
        if (weighting == "balanced")
        {
            for (var c = 0; c < 3; c++)
            {
                var n = labels.Count(l => l == c);
                weights[c] = n == 0 ? 0 : labels.Count / (3.0 * n);
            }
        }

        return weights;
    }

    /// <summary>Full-batch Adam on the class-weighted mean cross-entropy plus L2 on the weights (not the biases).</summary>
    internal static (float[][] Weights, float[] Bias) Fit(float[][] x, List<int> y, double[] classWeights, double l2, int epochs, CancellationToken cancellationToken)
    {
        const double LearningRate = 0.02;
        const double Beta1 = 0.9;
        const double Beta2 = 0.999;
        const double Epsilon = 1e-8;
        var columns = x.Length == 0 ? 0 : x[0].Length;
        var w = NewMatrix(columns + 1);
        var m = NewMatrix(columns + 1);
        var v = NewMatrix(columns + 1);
        var grad = NewMatrix(columns + 1);
        var z = new double[3];
        double totalWeight = 0;
        foreach (var label in y)
        {
            totalWeight += classWeights[label];
        }

        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var g in grad)
            {
                Array.Clear(g);
            }

            for (var i = 0; i < x.Length; i++)
            {
                var row = x[i];
                for (var c = 0; c < 3; c++)
                {
                    var wc = w[c];
                    double s = wc[columns];
                    for (var j = 0; j < row.Length; j++)
                    {
                        s += wc[j] * row[j];
                    }

                    z[c] = s;
                }

                HybridHead.Softmax(z);
                var sampleWeight = classWeights[y[i]] / totalWeight;
                for (var c = 0; c < 3; c++)
                {
                    var g = sampleWeight * (z[c] - (y[i] == c ? 1 : 0));
                    var gc = grad[c];
                    for (var j = 0; j < row.Length; j++)
                    {
                        gc[j] += g * row[j];
                    }

                    gc[columns] += g;
                }
            }

            var correction1 = 1 - Math.Pow(Beta1, epoch);
            var correction2 = 1 - Math.Pow(Beta2, epoch);
            for (var c = 0; c < 3; c++)
            {
                for (var j = 0; j <= columns; j++)
                {
                    var g = grad[c][j] + (j < columns ? 2 * l2 * w[c][j] : 0);
                    m[c][j] = Beta1 * m[c][j] + (1 - Beta1) * g;
                    v[c][j] = Beta2 * v[c][j] + (1 - Beta2) * g * g;
                    w[c][j] -= LearningRate * (m[c][j] / correction1) / (Math.Sqrt(v[c][j] / correction2) + Epsilon);
                }
            }
        }

        var weights = new float[3][];
        var bias = new float[3];
        for (var c = 0; c < 3; c++)
        {
            weights[c] = new float[columns];
            for (var j = 0; j < columns; j++)
            {
                weights[c][j] = (float)w[c][j];
            }

            bias[c] = (float)w[c][columns];
        }

        return (weights, bias);
    }

    private static double[][] NewMatrix(int columns) => [new double[columns], new double[columns], new double[columns]];

    private static double[][] Predict(float[][] x, float[][] weights, float[] bias)
    {
        var result = new double[x.Length][];
        for (var i = 0; i < x.Length; i++)
        {
            var p = new double[3];
            for (var c = 0; c < 3; c++)
            {
                double s = bias[c];
                var w = weights[c];
                for (var j = 0; j < w.Length; j++)
                {
                    s += w[j] * x[i][j];
                }

                p[c] = s;
            }

            HybridHead.Softmax(p);
            result[i] = p;
        }

        return result;
    }

    /// <summary>The P(negative) threshold that maximises macro F1 + negative F1 on validation.</summary>
    private static (double Threshold, double Objective) ChooseThreshold(List<LabeledText> validation, double[][] probabilities)
    {
        var best = (Threshold: 0.5, Objective: double.MinValue);
        for (var t = 0.20; t <= 0.701; t += 0.025)
        {
            var threshold = Math.Round(t, 3);
            var labels = probabilities.Select(p => HybridHead.Decide(p, threshold)).ToArray();
            var f = Figures(validation, labels);
            var objective = f.MacroF1 + f.NegativeF1;
            if (objective > best.Objective + 1e-9)
            {
                best = (threshold, objective);
            }
        }

        return best;
    }

    /// <summary>
    /// The smallest |compound| bound at which letting the lexicon decide alone costs at most half a point of macro F1
    /// and of negative F1 against the hybrid on every text (above 1: the lexicon never decides alone).
    /// </summary>
    private static (double Sure, double Share) ChooseLexiconSure(List<LabeledText> validation, Featurised set, SentimentLabel[] hybrid)
    {
        var all = Figures(validation, hybrid);
        foreach (var sure in new[] { 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95 })
        {
            var f = Figures(validation, Cascade(set, hybrid, sure));
            if (f.MacroF1 >= all.MacroF1 - 0.005 && f.NegativeF1 >= all.NegativeF1 - 0.005)
            {
                var share = (double)set.Results.Count(r => IsSure(r, sure)) / Math.Max(1, set.Results.Count);
                return (sure, share);
            }
        }

        return (1.01, 0);
    }

    private static SentimentLabel[] Cascade(Featurised set, SentimentLabel[] hybrid, double sure) =>
        [.. set.Results.Select((r, i) => IsSure(r, sure) ? r.Label : hybrid[i])];

    /// <summary>The lexicon fast path: a strong compound, a clear label and no customer-care cue.</summary>
    internal static bool IsSure(SentimentResult lexicon, double sure) =>
        Math.Abs(lexicon.Score) >= sure && lexicon.Label is SentimentLabel.Negative or SentimentLabel.Positive
        && !lexicon.Cues.Any(c => CareCueFamilies.All.Any(f => c.StartsWith(f + ":", StringComparison.Ordinal)));

    private static ValidationFigures Figures(List<LabeledText> gold, SentimentLabel[] predicted)
    {
        var report = SentimentEvaluator.Report(gold, predicted, TimeSpan.Zero);
        return new ValidationFigures(
            Math.Round(report.Accuracy, 4),
            Math.Round(report.MacroF1, 4),
            Math.Round(report.Negative.Precision, 4),
            Math.Round(report.Negative.Recall, 4),
            Math.Round(report.Negative.F1, 4));
    }

    private sealed class Featurised(int capacity)
    {
        public List<float[]> Embeddings { get; } = new(capacity);

        public List<float[]> Lexicon { get; } = new(capacity);

        public List<SentimentResult> Results { get; } = new(capacity);

        public List<int> Labels { get; } = new(capacity);
    }
}

/// <summary>Text → embedding, kept in a binary file between training runs (not shipped: it is derived data).</summary>
internal sealed class EmbeddingCache
{
    private const int Magic = 0x53424543; // "SBEC"
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly string? _path;
    private readonly int _dimensions;
    private bool _dirty;

    private EmbeddingCache(string? path, int dimensions)
    {
        _path = path;
        _dimensions = dimensions;
    }

    public static EmbeddingCache Open(string? path, int dimensions)
    {
        var cache = new EmbeddingCache(path, dimensions);
        if (path is null || !File.Exists(path))
        {
            return cache;
        }

        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != dimensions)
        {
            return cache;
        }

        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var text = reader.ReadString();
            var vector = new float[dimensions];
            for (var j = 0; j < dimensions; j++)
            {
                vector[j] = reader.ReadSingle();
            }

            cache._vectors[text] = vector;
        }

        return cache;
    }

    public bool Contains(string text) => _vectors.ContainsKey(text);

    public float[] Get(string text) => _vectors[text];

    public void Add(string text, float[] vector)
    {
        _vectors[text] = vector;
        _dirty = true;
    }

    public void Save()
    {
        if (_path is null || !_dirty)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var temporary = _path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(Magic);
            writer.Write(_dimensions);
            writer.Write(_vectors.Count);
            foreach (var (text, vector) in _vectors)
            {
                writer.Write(text);
                foreach (var v in vector)
                {
                    writer.Write(v);
                }
            }
        }

        File.Move(temporary, _path, overwrite: true);
        _dirty = false;
    }
}
