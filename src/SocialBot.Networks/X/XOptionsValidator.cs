using Microsoft.Extensions.Options;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.X;

/// <summary>Validates <see cref="XOptions"/> at start, naming each wrong key.</summary>
internal sealed class XOptionsValidator : IValidateOptions<XOptions>
{
    public ValidateOptionsResult Validate(string? name, XOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        const string Prefix = XOptions.SectionName + ":";
        NetworkOptionsChecks.AbsoluteHttpUrl(Prefix + "BaseUrl", options.BaseUrl, problems);
        NetworkOptionsChecks.Required(Prefix + "UserId", options.UserId, problems);
        if (options.UserId is { Length: > 0 } id && !id.All(char.IsAsciiDigit))
        {
            problems.Add($"{Prefix}UserId: the numeric user id is expected (not the handle)");
        }

        NetworkOptionsChecks.Required(Prefix + "ConsumerKey", options.ConsumerKey, problems);
        NetworkOptionsChecks.Required(Prefix + "ConsumerSecret", options.ConsumerSecret, problems);
        NetworkOptionsChecks.Required(Prefix + "AccessToken", options.AccessToken, problems);
        NetworkOptionsChecks.Required(Prefix + "AccessTokenSecret", options.AccessTokenSecret, problems);
        NetworkOptionsChecks.PollSeconds(Prefix + "PollSeconds", options.PollSeconds, problems);
        NetworkOptionsChecks.Queries(Prefix + "BrandQueries", options.BrandQueries, 512, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
