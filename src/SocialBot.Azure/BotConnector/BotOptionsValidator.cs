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
                failures.Add($"{Prefix}:AllowedServiceUrls:{i} '{options.AllowedServiceUrls[i]}' is not a host, a *.domain wildcard or an http(s) origin");
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
