using Microsoft.Extensions.Options;
using SocialBot.Azure.BotConnector;

namespace SocialBot.Azure.Tests.BotConnector;

internal static class BotTestValues
{
    public const string AppId = "3f1c2b7a-9d4e-4c61-8b2f-0a5e6d7c8b91";
    public const string TenantId = "7b0e4a52-1c3d-4f8e-9a6b-2d5c8e1f3a47";
    public const string TeamsServiceUrl = "https://smba.trafficmanager.net/amer/";

    /// <summary>The agent hub that sends handoff.status in the fixtures.</summary>
    public const string HandoffHubId = "omnichannel-hub";

    /// <summary>A caller app id put on the Entra allow-list in tests.</summary>
    public const string EntraCallerAppId = "0c5a1e0b-6a47-4d0e-9f3e-7e2b6f1d8a55";

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 22, 30, 0, TimeSpan.Zero);

    public static IOptions<BotOptions> Options(string? botFrameworkMetadata = null, string? entraMetadata = null, bool sendHandoffEvents = false, params string[] allowedServiceUrls)
    {
        var options = new BotOptions
        {
            AppId = AppId,
            TenantId = TenantId,
            ClientSecret = "not-a-real-secret",
            OpenIdMetadataUrl = botFrameworkMetadata ?? BotOptions.DefaultOpenIdMetadataUrl,
            EntraOpenIdMetadataUrl = entraMetadata ?? BotOptions.DefaultEntraOpenIdMetadataUrl,
            SendHandoffEvents = sendHandoffEvents,
        };
        options.HandoffHubIds.Add(HandoffHubId);
        options.AllowedEntraCallers.Add(EntraCallerAppId);
        foreach (var url in allowedServiceUrls)
        {
            options.AllowedServiceUrls.Add(url);
        }

        return Microsoft.Extensions.Options.Options.Create(options);
    }
}
