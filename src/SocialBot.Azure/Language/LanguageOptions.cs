using System.Globalization;

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
