using Microsoft.Extensions.Options;

namespace SocialBot.Core.Handoffs;

/// <summary>Fails at start, naming the key, when the webhook URL is not an absolute http(s) URL.</summary>
public sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.WebhookUrl))
        {
            return ValidateOptionsResult.Success;
        }

        return Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"SocialBot:Escalation:WebhookUrl: '{options.WebhookUrl}' is not an absolute http(s) URL");
    }
}
