using Microsoft.Extensions.Options;

namespace SocialBot.Core.Handoffs;

/// <summary>
/// Fails at start, naming the key, when the webhook URL is not an absolute https URL (plain http only on loopback,
/// for a local receiver): notices name customers and conversations.
/// </summary>
public sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.WebhookUrl))
        {
            return ValidateOptionsResult.Success;
        }

        if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return ValidateOptionsResult.Fail($"SocialBot:Escalation:WebhookUrl: '{options.WebhookUrl}' is not an absolute https URL");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            return ValidateOptionsResult.Fail($"SocialBot:Escalation:WebhookUrl: '{options.WebhookUrl}' must use https (plain http is allowed only on loopback)");
        }

        return !string.IsNullOrEmpty(uri.UserInfo)
            ? ValidateOptionsResult.Fail("SocialBot:Escalation:WebhookUrl: must not carry credentials in the URL (user:password@)")
            : ValidateOptionsResult.Success;
    }
}
