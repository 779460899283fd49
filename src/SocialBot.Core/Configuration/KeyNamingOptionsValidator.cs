using Microsoft.Extensions.Options;

namespace SocialBot.Core.Configuration;

/// <summary>
/// Makes every failure of an options validator name its configuration key: a failure such as
/// <c>TeamName: is required</c> (what a source-generated <see cref="OptionsValidatorAttribute"/> validator reports: the
/// member, then the annotation's message) becomes <c>SocialBot:AfterHours:TeamName: is required</c>. Failures that
/// already start with <c>SocialBot:</c> (from domain factories that know the full key) are kept as they are.
/// </summary>
public sealed class KeyNamingOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    private readonly string _sectionName;
    private readonly IValidateOptions<TOptions> _inner;

    public KeyNamingOptionsValidator(string sectionName, IValidateOptions<TOptions> inner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);
        ArgumentNullException.ThrowIfNull(inner);
        _sectionName = sectionName;
        _inner = inner;
    }

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var result = _inner.Validate(name, options);
        if (!result.Failed || result.Failures is null)
        {
            return result;
        }

        return ValidateOptionsResult.Fail(result.Failures.Select(failure =>
            failure.StartsWith(SocialBotOptions.SectionName + ConfigurationPathDelimiter, StringComparison.OrdinalIgnoreCase)
                ? failure
                : $"{_sectionName}{ConfigurationPathDelimiter}{failure}"));
    }

    private const string ConfigurationPathDelimiter = ":";
}
