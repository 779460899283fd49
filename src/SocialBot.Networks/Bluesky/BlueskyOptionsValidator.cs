using Microsoft.Extensions.Options;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Bluesky;

internal sealed class BlueskyOptionsValidator : IValidateOptions<BlueskyOptions>
{
    public ValidateOptionsResult Validate(string? name, BlueskyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        const string Prefix = BlueskyOptions.SectionName + ":";
        NetworkOptionsChecks.AbsoluteHttpUrl(Prefix + "ServiceUrl", options.ServiceUrl, problems);
        NetworkOptionsChecks.Required(Prefix + "Handle", options.Handle, problems);
        if (options.Handle is { Length: > 0 } handle && (handle.Contains(' ', StringComparison.Ordinal) || !handle.TrimStart('@').Contains('.', StringComparison.Ordinal)))
        {
            problems.Add($"{Prefix}Handle: '{handle}' is not a handle like name.bsky.social");
        }

        NetworkOptionsChecks.Required(Prefix + "AppPassword", options.AppPassword, problems);
        NetworkOptionsChecks.PollSeconds(Prefix + "PollSeconds", options.PollSeconds, problems);
        NetworkOptionsChecks.Queries(Prefix + "BrandQueries", options.BrandQueries, 256, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
