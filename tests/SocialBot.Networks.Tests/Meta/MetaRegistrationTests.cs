using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;
using SocialBot.Networks.Common;
using SocialBot.Networks.Meta;

namespace SocialBot.Networks.Tests.Meta;

public sealed class MetaRegistrationTests
{
    [Fact]
    public void AddMetaNetwork_ShouldRegisterNothing_WhenNoCredentialIsSet()
    {
        using var provider = Build(new Dictionary<string, string?> { ["SocialBot:Networks:Meta:GraphVersion"] = "v24.0" });

        Assert.Empty(provider.GetServices<IReplyChannel>());
        Assert.Null(provider.GetService<MetaWebhookHandler>());
        Assert.Empty(provider.GetServices<INetworkCheck>());
    }

    [Fact]
    public void AddMetaNetwork_ShouldRegisterTheChannelHandlerAndCheck_WhenConfigured()
    {
        using var provider = Build(MetaFixtures.Settings("https://graph.facebook.com"));

        Assert.Equal("meta", Assert.Single(provider.GetServices<IReplyChannel>()).Name);
        Assert.NotNull(provider.GetService<MetaWebhookHandler>());
        Assert.Equal("meta", Assert.Single(provider.GetServices<INetworkCheck>()).Name);
    }

    [Theory]
    [InlineData("AppSecret")]
    [InlineData("VerifyToken")]
    [InlineData("PageAccessToken")]
    [InlineData("PageId")]
    public void Options_ShouldFailNamingTheKey_WhenACredentialIsMissing(string key)
    {
        var settings = MetaFixtures.Settings("https://graph.facebook.com");
        settings[$"SocialBot:Networks:Meta:{key}"] = null;
        using var provider = Build(settings);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MetaOptions>>().Value);

        Assert.Contains($"SocialBot:Networks:Meta:{key}", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(MetaFixtures.AppSecret, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(MetaFixtures.PageToken, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GraphBaseUrl", "graph.facebook.com")]
    [InlineData("GraphVersion", "24")]
    [InlineData("InstagramAccountId", "@contoso")]
    [InlineData("MaxWebhookBytes", "10")]
    public void Options_ShouldFailNamingTheKey_WhenAValueIsInvalid(string key, string value)
    {
        var settings = MetaFixtures.Settings("https://graph.facebook.com");
        settings[$"SocialBot:Networks:Meta:{key}"] = value;
        using var provider = Build(settings);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MetaOptions>>().Value);

        Assert.Contains($"SocialBot:Networks:Meta:{key}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ShouldDefaultToTheCurrentGraphVersionAndPublicReplies()
    {
        using var provider = Build(MetaFixtures.Settings("https://graph.facebook.com"));

        var options = provider.GetRequiredService<IOptions<MetaOptions>>().Value;

        Assert.Equal("v24.0", options.GraphVersion);
        Assert.Equal(MetaReplyPolicy.Public, options.FacebookReplies);
        Assert.Equal(MetaReplyPolicy.Public, options.InstagramReplies);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(Mock.Of<IMentionQueue>())
            .AddSingleton(Mock.Of<IPoisonQueue>())
            .AddMetaNetwork(configuration)
            .BuildServiceProvider();
    }
}
