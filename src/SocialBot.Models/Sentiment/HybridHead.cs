using System.Text.Json;
using System.Text.Json.Serialization;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Sentiment.Hybrid;

namespace SocialBot.Models.Sentiment;

/// <summary>
/// The trained hybrid head: a multinomial logistic regression over [sentence embedding; standardised lexicon features]
/// with classes negative, neutral, positive, plus the decision settings chosen on the validation split. Immutable and
/// thread-safe; serialised as the shipped <c>hybrid-head.json</c>.
/// </summary>
public sealed record HybridHead
{
    /// <summary>Format version of the weights file.</summary>
    public const int FormatVersion = 1;

    /// <summary>Class order of <see cref="Weights"/> and <see cref="Bias"/>.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = ["negative", "neutral", "positive"];

    public int Version { get; init; } = FormatVersion;

    public required int EmbeddingDimensions { get; init; }

    /// <summary>Must equal <see cref="LexiconFeatures.Names"/> (checked on load).</summary>
    public required IReadOnlyList<string> LexiconFeatureNames { get; init; }

    public required float[] FeatureMean { get; init; }

    public required float[] FeatureScale { get; init; }

    /// <summary>One row per class, <see cref="EmbeddingDimensions"/> + lexicon feature count columns.</summary>
    public required float[][] Weights { get; init; }

    public required float[] Bias { get; init; }

    /// <summary>A text is negative when P(negative) is at least this (chosen on validation); otherwise the likelier of neutral and positive.</summary>
    public required double NegativeThreshold { get; init; }

    /// <summary>The lexicon decides alone when |compound| is at least this and it found no customer-care cue (above 1: never).</summary>
    public required double LexiconSure { get; init; }

    /// <summary>How the head was trained: data files with SHA-256, seed, settings, validation figures.</summary>
    public required TrainingManifest Training { get; init; }

    /// <summary>Class probabilities (negative, neutral, positive) for one embedding and its lexicon features.</summary>
    public double[] Probabilities(ReadOnlySpan<float> embedding, ReadOnlySpan<float> lexicon)
    {
        var p = new double[3];
        for (var c = 0; c < 3; c++)
        {
            var w = Weights[c];
            double z = Bias[c];
            for (var j = 0; j < embedding.Length; j++)
            {
                z += w[j] * embedding[j];
            }

            for (var j = 0; j < lexicon.Length; j++)
            {
                z += w[EmbeddingDimensions + j] * ((lexicon[j] - FeatureMean[j]) / FeatureScale[j]);
            }

            p[c] = z;
        }

        Softmax(p);
        return p;
    }

    /// <summary>The label for class probabilities under <see cref="NegativeThreshold"/>.</summary>
    public SentimentLabel Decide(ReadOnlySpan<double> p) => Decide(p, NegativeThreshold);

    internal static SentimentLabel Decide(ReadOnlySpan<double> p, double negativeThreshold) =>
        p[0] >= negativeThreshold ? SentimentLabel.Negative : p[2] > p[1] ? SentimentLabel.Positive : SentimentLabel.Neutral;

    internal static void Softmax(Span<double> z)
    {
        var max = Math.Max(z[0], Math.Max(z[1], z[2]));
        double sum = 0;
        for (var c = 0; c < z.Length; c++)
        {
            z[c] = Math.Exp(z[c] - max);
            sum += z[c];
        }

        for (var c = 0; c < z.Length; c++)
        {
            z[c] /= sum;
        }
    }

    /// <summary>Reads and checks a weights file.</summary>
    /// <exception cref="InvalidDataException">The file is not a head this code can use.</exception>
    public static HybridHead Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        HybridHead? head;
        try
        {
            head = JsonSerializer.Deserialize(stream, HybridJsonContext.Default.HybridHead);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The hybrid sentiment weights are not valid JSON: {ex.Message}", ex);
        }

        if (head is null)
        {
            throw new InvalidDataException("The hybrid sentiment weights file is empty.");
        }

        head.Validate();
        return head;
    }

    /// <summary>The weights shipped inside this assembly.</summary>
    public static HybridHead LoadShipped()
    {
        using var stream = typeof(HybridHead).Assembly.GetManifestResourceStream(ShippedResourceName)
            ?? throw new InvalidDataException($"The embedded resource {ShippedResourceName} is missing.");
        return Load(stream);
    }

    public const string ShippedResourceName = "SocialBot.Models.Sentiment.hybrid-head.json";

    public void Save(Stream stream) => JsonSerializer.Serialize(stream, this, HybridJsonContext.Default.HybridHead);

    private void Validate()
    {
        if (Version != FormatVersion)
        {
            throw new InvalidDataException($"Hybrid sentiment weights version {Version} is not supported (expected {FormatVersion}).");
        }

        if (!LexiconFeatureNames.SequenceEqual(LexiconFeatures.Names))
        {
            throw new InvalidDataException("The hybrid sentiment weights were trained on other lexicon features; retrain with 'socialbot train sentiment'.");
        }

        var columns = EmbeddingDimensions + LexiconFeatureNames.Count;
        if (Weights.Length != 3 || Weights.Any(w => w.Length != columns) || Bias.Length != 3
            || FeatureMean.Length != LexiconFeatureNames.Count || FeatureScale.Length != LexiconFeatureNames.Count || FeatureScale.Any(s => s <= 0))
        {
            throw new InvalidDataException($"The hybrid sentiment weights do not have 3 x {columns} weights, 3 biases and a positive scale per feature.");
        }
    }
}

/// <summary>How a head was trained, written into the weights file.</summary>
public sealed record TrainingManifest
{
    public required string Command { get; init; }

    public required int Seed { get; init; }

    public required IReadOnlyList<DataFileHash> Data { get; init; }

    public required int TrainRows { get; init; }

    public required int ValidationRows { get; init; }

    public required string ClassWeighting { get; init; }

    public required double L2 { get; init; }

    public required int Epochs { get; init; }

    /// <summary>Validation figures per analyzer (lexicon, hybrid, cascade of the two).</summary>
    public required IReadOnlyDictionary<string, ValidationFigures> Validation { get; init; }

    /// <summary>Share of validation texts the lexicon decided alone at <see cref="HybridHead.LexiconSure"/>.</summary>
    public required double LexiconShare { get; init; }
}

public sealed record DataFileHash(string File, string Sha256, int Rows);

public sealed record ValidationFigures(double Accuracy, double MacroF1, double NegativePrecision, double NegativeRecall, double NegativeF1);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(HybridHead))]
internal sealed partial class HybridJsonContext : JsonSerializerContext;
