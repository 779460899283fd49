using Microsoft.Extensions.Options;

namespace SocialBot.Models.Sentiment;

/// <summary>The <c>SocialBot:Sentiment:Hybrid</c> section.</summary>
public sealed class HybridOptions
{
    public const string SectionName = "SocialBot:Sentiment:Hybrid";

    /// <summary>A weights file to use instead of the shipped one (from <c>socialbot train sentiment</c>); relative to the working directory.</summary>
    public string? WeightsFile { get; set; }

    /// <summary>Overrides the trained lexicon fast-path bound on |compound| (0..1.01; above 1 the lexicon never decides alone).</summary>
    public double? LexiconSure { get; set; }
}

/// <summary>Validates <see cref="HybridOptions"/>, naming the configuration key that is wrong.</summary>
public sealed class HybridOptionsValidator : IValidateOptions<HybridOptions>
{
    public ValidateOptionsResult Validate(string? name, HybridOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.WeightsFile is { } file && !File.Exists(file))
        {
            failures.Add($"{HybridOptions.SectionName}:WeightsFile '{file}' does not exist.");
        }

        if (options.LexiconSure is { } sure && (sure is < 0 or > 1.01 || double.IsNaN(sure)))
        {
            failures.Add($"{HybridOptions.SectionName}:LexiconSure must be between 0 and 1.01.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
