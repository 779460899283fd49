namespace SocialBot.Models.Embeddings;

/// <summary>The <c>SocialBot:Embeddings</c> section: how the MiniLM sentence encoder is run.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "SocialBot:Embeddings";

    /// <summary>Longest cleaned text (characters) sent to the encoder; longer texts are cut (the model reads at most 512 word pieces).</summary>
    public int MaxTextLength { get; set; } = 500;

    /// <summary>Texts per encoder call.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>ONNX Runtime intra-op threads; 0 lets the runtime choose (one per core).</summary>
    public int IntraOpThreads { get; set; }
}
