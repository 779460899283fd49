using Microsoft.Extensions.Options;

namespace SocialBot.Core.Sentiment.Cascade;

/// <summary>Validates <see cref="CascadeOptions"/>, naming the configuration key that is wrong.</summary>
public sealed class CascadeOptionsValidator : IValidateOptions<CascadeOptions>
{
    public ValidateOptionsResult Validate(string? name, CascadeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.UncertainLow is < -1 or > 1 || double.IsNaN(options.UncertainLow))
        {
            failures.Add($"{CascadeOptions.SectionName}:UncertainLow must be between -1 and 1.");
        }

        if (options.UncertainHigh is < -1 or > 1 || double.IsNaN(options.UncertainHigh))
        {
            failures.Add($"{CascadeOptions.SectionName}:UncertainHigh must be between -1 and 1.");
        }

        if (options.UncertainLow > options.UncertainHigh)
        {
            failures.Add($"{CascadeOptions.SectionName}:UncertainLow must not be above {CascadeOptions.SectionName}:UncertainHigh.");
        }

        if (options.Local is not ("hybrid" or "embedded"))
        {
            failures.Add($"{CascadeOptions.SectionName}:Local must be 'hybrid' or 'embedded'.");
        }

        if (options.FailureThreshold < 1)
        {
            failures.Add($"{CascadeOptions.SectionName}:FailureThreshold must be at least 1.");
        }

        if (options.BreakDuration <= TimeSpan.Zero)
        {
            failures.Add($"{CascadeOptions.SectionName}:BreakDuration must be positive (for example 00:00:30).");
        }

        if (options.RemoteTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{CascadeOptions.SectionName}:RemoteTimeout must be positive (for example 00:00:10).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
