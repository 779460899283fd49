namespace SocialBot.Core.Embeddings;

/// <summary>Sentence embeddings (unit-length vectors), loaded once per process on first use.</summary>
public interface ITextEmbedder
{
    /// <summary>Length of every vector.</summary>
    int Dimensions { get; }

    /// <summary>Embeds each text (cleaned and truncated by the implementation); vectors are L2-normalised.</summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
