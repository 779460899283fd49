using Microsoft.Extensions.Options;

namespace SocialBot.Inbox;

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
