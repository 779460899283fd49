using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace SocialBot.Azure.Language;

/// <summary>The <c>SocialBot:Language</c> section: where Azure AI Language lives and how to call it.</summary>
public sealed class LanguageOptions
{
    public const string SectionName = "SocialBot:Language";

    /// <summary>The current GA version of the Language text-analysis API.</summary>
    public const string DefaultApiVersion = "2025-11-01";

    /// <summary>The resource endpoint, e.g. <c>https://contoso-language.cognitiveservices.azure.com</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Optional resource key (secret, never logged); without it the analyzer uses Microsoft Entra ID.</summary>
    public string? ApiKey { get; set; }

    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>Client id of a user-assigned managed identity; without it <c>DefaultAzureCredential</c> is used.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>ISO 639-1 language sent with every document.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Retries after a 408, 429 or 5xx answer or a network failure.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay; the server's <c>Retry-After</c> wins when it sends one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one HTTP attempt, in seconds.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Endpoint={Endpoint}, ApiVersion={ApiVersion}, Auth={(string.IsNullOrEmpty(ApiKey) ? "entra-id" : "key")}");
}

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
