using Microsoft.Extensions.Options;

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

/// <summary>Validates <see cref="EmbeddingOptions"/>, naming the configuration key that is wrong.</summary>
public sealed class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxTextLength is < 16 or > 500)
        {
            failures.Add($"{EmbeddingOptions.SectionName}:MaxTextLength must be between 16 and 500.");
        }

        if (options.BatchSize is < 1 or > 256)
        {
            failures.Add($"{EmbeddingOptions.SectionName}:BatchSize must be between 1 and 256.");
        }

        if (options.IntraOpThreads is < 0 or > 64)
        {
            failures.Add($"{EmbeddingOptions.SectionName}:IntraOpThreads must be between 0 and 64 (0 = one per core).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
