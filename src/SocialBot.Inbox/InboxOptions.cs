using Microsoft.Extensions.Options;

namespace SocialBot.Inbox;

/// <summary>The <c>SocialBot:Inbox</c> section: how agents sign in to the web inbox.</summary>
public sealed class InboxOptions
{
    public const string SectionName = "SocialBot:Inbox";

    /// <summary>
    /// The development sign-in (DESIGN.md section 4): <c>/inbox/dev-signin?agent=NAME</c> and the
    /// <c>X-SocialBot-Dev-Agent</c> header, honoured only for loopback requests. Never allowed on Azure.
    /// </summary>
    public bool DevSignIn { get; set; }

    /// <summary>Microsoft Entra ID: the tenant (directory) id whose tokens are accepted.</summary>
    public string? TenantId { get; set; }

    /// <summary>Microsoft Entra ID: the inbox app registration's client id (the tokens' audience).</summary>
    public string? ClientId { get; set; }

    /// <summary>The OpenID metadata document; defaults to the tenant's v2.0 document on login.microsoftonline.com.</summary>
    public string? MetadataUrl { get; set; }

    /// <summary>Seconds between the page's queue refreshes (live updates by polling).</summary>
    public int PollSeconds { get; set; } = 2;

    public bool EntraConfigured => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId);

    public string EffectiveMetadataUrl =>
        string.IsNullOrWhiteSpace(MetadataUrl)
            ? $"https://login.microsoftonline.com/{TenantId}/v2.0/.well-known/openid-configuration"
            : MetadataUrl;
}

/// <summary>Checks <see cref="InboxOptions"/> at start, naming the key that is wrong.</summary>
internal sealed class InboxOptionsValidator : IValidateOptions<InboxOptions>
{
    private readonly Func<string, string?> _environment;

    public InboxOptionsValidator(Func<string, string?>? environment = null)
    {
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    public ValidateOptionsResult Validate(string? name, InboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.DevSignIn && !string.IsNullOrEmpty(_environment("WEBSITE_SITE_NAME")))
        {
            failures.Add("SocialBot:Inbox:DevSignIn: the development sign-in is for the local host only and cannot be enabled on Azure (WEBSITE_SITE_NAME is set)");
        }

        if (string.IsNullOrWhiteSpace(options.TenantId) != string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("SocialBot:Inbox:TenantId and SocialBot:Inbox:ClientId: set both (Entra ID sign-in) or neither");
        }

        if (!string.IsNullOrWhiteSpace(options.TenantId) && !Guid.TryParse(options.TenantId, out _))
        {
            failures.Add($"SocialBot:Inbox:TenantId: '{options.TenantId}' is not a directory (tenant) id GUID");
        }

        if (!string.IsNullOrWhiteSpace(options.MetadataUrl)
            && !(Uri.TryCreate(options.MetadataUrl, UriKind.Absolute, out var metadata) && (metadata.Scheme == Uri.UriSchemeHttps || metadata.IsLoopback)))
        {
            failures.Add($"SocialBot:Inbox:MetadataUrl: '{options.MetadataUrl}' must be an absolute https URL (http only on loopback)");
        }

        if (options.PollSeconds is < 1 or > 60)
        {
            failures.Add($"SocialBot:Inbox:PollSeconds: {options.PollSeconds} is outside 1..60");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
