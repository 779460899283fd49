using Microsoft.Extensions.Options;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Mastodon;

internal sealed class MastodonOptionsValidator : IValidateOptions<MastodonOptions>
{
    public ValidateOptionsResult Validate(string? name, MastodonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        const string Prefix = MastodonOptions.SectionName + ":";
        NetworkOptionsChecks.AbsoluteHttpUrl(Prefix + "InstanceUrl", options.InstanceUrl, problems);
        NetworkOptionsChecks.Required(Prefix + "AccessToken", options.AccessToken, problems);
        NetworkOptionsChecks.PollSeconds(Prefix + "PollSeconds", options.PollSeconds, problems);
        NetworkOptionsChecks.Queries(Prefix + "BrandHashtags", options.BrandHashtags, 100, problems);
        for (var i = 0; i < options.BrandHashtags.Count; i++)
        {
            var tag = options.BrandHashtags[i]?.TrimStart('#') ?? "";
            if (tag.Length > 0 && !tag.All(c => char.IsLetterOrDigit(c) || c == '_'))
            {
                problems.Add($"{Prefix}BrandHashtags:{i}: '{tag}' is not a hashtag (letters, digits and _ only)");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
