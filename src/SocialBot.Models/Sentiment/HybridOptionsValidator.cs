using Microsoft.Extensions.Options;

namespace SocialBot.Models.Sentiment;

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
