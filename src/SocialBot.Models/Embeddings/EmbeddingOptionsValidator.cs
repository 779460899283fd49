using Microsoft.Extensions.Options;

namespace SocialBot.Models.Embeddings;

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
