using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace SocialBot.Azure.Language;

/// <summary>Validates <see cref="LanguageOptions"/>, naming the configuration key that is wrong.</summary>
/// <remarks>The endpoint is required only when <c>SocialBot:Sentiment:Analyzer</c> is <c>azure</c> or <c>cascade</c>.</remarks>
internal sealed partial class LanguageOptionsValidator(IConfiguration? configuration) : IValidateOptions<LanguageOptions>
{
    public const string AnalyzerKey = "SocialBot:Sentiment:Analyzer";

    public ValidateOptionsResult Validate(string? name, LanguageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        string? analyzer = configuration?[AnalyzerKey];
        bool required = string.Equals(analyzer, "azure", StringComparison.OrdinalIgnoreCase)
            || string.Equals(analyzer, "cascade", StringComparison.OrdinalIgnoreCase);

        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            if (required)
            {
                failures.Add($"{LanguageOptions.SectionName}:Endpoint is required when {AnalyzerKey} is '{analyzer}'.");
            }
        }
        else if (!IsAllowedEndpoint(options.Endpoint))
        {
            failures.Add($"{LanguageOptions.SectionName}:Endpoint must be an absolute https URI such as https://<name>.cognitiveservices.azure.com (got '{options.Endpoint}').");
        }

        if (string.IsNullOrWhiteSpace(options.ApiVersion) || !ApiVersionPattern().IsMatch(options.ApiVersion))
        {
            failures.Add($"{LanguageOptions.SectionName}:ApiVersion must look like {LanguageOptions.DefaultApiVersion} (got '{options.ApiVersion}').");
        }

        if (!string.IsNullOrEmpty(options.ManagedIdentityClientId) && !Guid.TryParse(options.ManagedIdentityClientId, out _))
        {
            failures.Add($"{LanguageOptions.SectionName}:ManagedIdentityClientId must be a client id (GUID).");
        }

        if (string.IsNullOrWhiteSpace(options.Language))
        {
            failures.Add($"{LanguageOptions.SectionName}:Language must be an ISO 639-1 code such as 'en'.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{LanguageOptions.SectionName}:MaxRetries must be between 0 and 10.");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryDelay)
        {
            failures.Add($"{LanguageOptions.SectionName}:RetryDelay must be positive and not above {LanguageOptions.SectionName}:RetryMaxDelay.");
        }

        if (!(options.TimeoutSeconds > 0 && options.TimeoutSeconds <= 300))
        {
            failures.Add($"{LanguageOptions.SectionName}:TimeoutSeconds must be above 0 and at most 300.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>https everywhere; plain http only for a loopback host (a local fake or emulator).</summary>
    internal static bool IsAllowedEndpoint(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && string.IsNullOrEmpty(uri.Query);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(-preview)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersionPattern();
}
