using Microsoft.Extensions.Options;

namespace SocialBot.Azure.BotConnector;

/// <summary>Fails start-up with the configuration key that is wrong.</summary>
internal sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Prefix = BotOptions.SectionName;
        if (!Guid.TryParse(options.AppId, out _))
        {
            failures.Add($"{Prefix}:AppId must be the bot's Microsoft App ID (a GUID)");
        }

        if (!Guid.TryParse(options.TenantId, out _))
        {
            failures.Add($"{Prefix}:TenantId must be the Entra tenant ID of the bot registration (a GUID)");
        }

        if (!Enum.IsDefined(options.AppType))
        {
            failures.Add($"{Prefix}:AppType must be SingleTenant or UserAssignedMSI");
        }

        if (options.AppType == BotAppType.SingleTenant && string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add($"{Prefix}:ClientSecret is required when AppType is SingleTenant (or use UserAssignedMSI)");
        }

        if (options.AppType == BotAppType.UserAssignedMSI && string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
        {
            failures.Add($"{Prefix}:ManagedIdentityClientId is required when AppType is UserAssignedMSI");
        }

        CheckUrl(options.OpenIdMetadataUrl, $"{Prefix}:OpenIdMetadataUrl", failures);
        CheckUrl(options.EntraOpenIdMetadataUrl, $"{Prefix}:EntraOpenIdMetadataUrl", failures);
        for (var i = 0; i < options.AllowedServiceUrls.Count; i++)
        {
            if (!BotServiceUrlPolicy.TryParseRule(options.AllowedServiceUrls[i], out _))
            {
                failures.Add($"{Prefix}:AllowedServiceUrls:{i} '{options.AllowedServiceUrls[i]}' is not allowed: use a full host (bots.contoso.example), an https origin (http only on loopback), or a wildcard under a Bot Framework domain (*.europe.botframework.com); broad wildcards such as *.com are refused");
            }
        }

        for (var i = 0; i < options.AllowedEntraCallers.Count; i++)
        {
            if (!Guid.TryParse(options.AllowedEntraCallers[i], out _))
            {
                failures.Add($"{Prefix}:AllowedEntraCallers:{i} must be an app id (a GUID)");
            }
        }

        for (var i = 0; i < options.HandoffHubIds.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.HandoffHubIds[i]) || options.HandoffHubIds[i].Length > 256)
            {
                failures.Add($"{Prefix}:HandoffHubIds:{i} must be a channel account id (1-256 characters)");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(string value, string key, List<string> failures)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            failures.Add($"{key} must be an https URL (http only on loopback)");
        }
    }
}
