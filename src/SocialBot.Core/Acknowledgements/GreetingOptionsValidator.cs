using Microsoft.Extensions.Options;

namespace SocialBot.Core.Acknowledgements;

/// <summary>Fails at start, naming the key, on an empty blocked word or a nonsensical length.</summary>
internal sealed class GreetingOptionsValidator : IValidateOptions<GreetingOptions>
{
    public ValidateOptionsResult Validate(string? name, GreetingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxNameLength is < 2 or > 50)
        {
            failures.Add($"{GreetingOptions.SectionName}:MaxNameLength must be between 2 and 50");
        }

        for (var i = 0; i < options.BlockedWords.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.BlockedWords[i]) || options.BlockedWords[i].Length > 64)
            {
                failures.Add($"{GreetingOptions.SectionName}:BlockedWords:{i} must be a word of 1-64 characters");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
