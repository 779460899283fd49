using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialBot.Azure.BotConnector;
using SocialBot.Core.Replies;

namespace SocialBot.Azure.Tests.BotConnector;

public sealed class BotServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSocialBotBotConnector_ShouldResolveEveryPart_WhenConfigurationIsValid()
    {
        using var provider = Build(new()
        {
            ["SocialBot:Bot:AppId"] = BotTestValues.AppId,
            ["SocialBot:Bot:TenantId"] = BotTestValues.TenantId,
            ["SocialBot:Bot:AppType"] = "UserAssignedMSI",
            ["SocialBot:Bot:ManagedIdentityClientId"] = "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c",
            ["SocialBot:Bot:AllowedServiceUrls:0"] = "bots.contoso.example",
            ["SocialBot:Bot:SendHandoffEvents"] = "true",
        });

        var options = provider.GetRequiredService<IOptions<BotOptions>>().Value;
        Assert.Equal(BotAppType.UserAssignedMSI, options.AppType);
        Assert.Equal(["bots.contoso.example"], options.AllowedServiceUrls);
        Assert.True(options.SendHandoffEvents);
        Assert.Equal(BotOptions.DefaultOpenIdMetadataUrl, options.OpenIdMetadataUrl);
        Assert.NotNull(provider.GetRequiredService<BotActivityIngress>());
        Assert.NotNull(provider.GetRequiredService<HandoffEventSender>());
        Assert.Equal("botconnector", provider.GetRequiredService<IReplyChannel>().Name);
        Assert.True(provider.GetRequiredService<BotServiceUrlPolicy>().IsAllowed("https://bots.contoso.example/"));
    }

    [Fact]
    public void AddSocialBotBotConnector_ShouldNameEveryWrongKey_WhenConfigurationIsInvalid()
    {
        using var provider = Build(new()
        {
            ["SocialBot:Bot:AppId"] = "my-bot",
            ["SocialBot:Bot:AppType"] = "SingleTenant",
            ["SocialBot:Bot:OpenIdMetadataUrl"] = "http://login.example/metadata",
            ["SocialBot:Bot:AllowedServiceUrls:0"] = "ftp://files.example",
            ["SocialBot:Bot:AllowedServiceUrls:1"] = "*.com",
            ["SocialBot:Bot:AllowedEntraCallers:0"] = "bot-framework",
        });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BotOptions>>().Value);

        var message = exception.Message;
        Assert.Contains("SocialBot:Bot:AppId", message, StringComparison.Ordinal);
        Assert.Contains("SocialBot:Bot:TenantId", message, StringComparison.Ordinal);
        Assert.Contains("SocialBot:Bot:ClientSecret", message, StringComparison.Ordinal);
        Assert.Contains("SocialBot:Bot:OpenIdMetadataUrl", message, StringComparison.Ordinal);
        Assert.Contains("SocialBot:Bot:AllowedServiceUrls:0", message, StringComparison.Ordinal);
        Assert.Contains("SocialBot:Bot:AllowedServiceUrls:1 '*.com' is not allowed", message, StringComparison.Ordinal);
        Assert.Contains("SocialBot:Bot:AllowedEntraCallers:0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSocialBotBotConnector_ShouldRequireTheIdentity_WhenAppTypeIsUserAssignedMsi()
    {
        using var provider = Build(new()
        {
            ["SocialBot:Bot:AppId"] = BotTestValues.AppId,
            ["SocialBot:Bot:TenantId"] = BotTestValues.TenantId,
            ["SocialBot:Bot:AppType"] = "UserAssignedMSI",
        });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BotOptions>>().Value);

        Assert.Contains("SocialBot:Bot:ManagedIdentityClientId", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateCredential_ShouldUseTheClientSecret_WhenSingleTenant()
    {
        var credential = BotServiceCollectionExtensions.CreateCredential(BotTestValues.Options().Value, global::Azure.Core.Pipeline.HttpClientTransport.Shared);

        Assert.IsType<ClientSecretCredential>(credential);
    }

    [Fact]
    public void CreateCredential_ShouldUseTheManagedIdentity_WhenUserAssignedMsi()
    {
        var options = BotTestValues.Options().Value;
        options.AppType = BotAppType.UserAssignedMSI;
        options.ManagedIdentityClientId = "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c";

        var credential = BotServiceCollectionExtensions.CreateCredential(options, global::Azure.Core.Pipeline.HttpClientTransport.Shared);

        Assert.IsType<ManagedIdentityCredential>(credential);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSocialBotBotConnector(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
