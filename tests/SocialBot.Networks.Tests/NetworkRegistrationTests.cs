using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Replies;

namespace SocialBot.Networks.Tests;

public sealed class NetworkRegistrationTests
{
    [Fact]
    public void AddSocialBotNetworks_ShouldRegisterNoReplyChannel_WhenNoNetworkHasCredentials()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();

        using var provider = new ServiceCollection().AddSocialBotNetworks(configuration).BuildServiceProvider();

        Assert.Empty(provider.GetServices<IReplyChannel>());
    }

    [Theory]
    [InlineData("twitter", "x: no credentials configured (SocialBot:Networks:X)")]
    [InlineData("X", "x: no credentials configured (SocialBot:Networks:X)")]
    [InlineData("bluesky", "bluesky: no credentials configured (SocialBot:Networks:Bluesky)")]
    [InlineData("mastodon", "mastodon: no credentials configured (SocialBot:Networks:Mastodon)")]
    [InlineData("instagram", "meta: no credentials configured (SocialBot:Networks:Meta)")]
    [InlineData("webchat", "no reply channel for channel 'webchat'")]
    public void Route_ShouldSayWhichNetworkHasNoCredentials_WhenItsReplyFallsBackToTheOutbox(string channel, string reason)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        using var provider = new ServiceCollection().AddSocialBotNetworks(configuration).BuildServiceProvider();
        var router = new ReplyChannelRouter(provider.GetServices<IReplyChannel>(), Moq.Mock.Of<IFallbackReplyChannel>(), provider.GetServices<IUnavailableReplyChannel>());
        var reply = new OutgoingReply
        {
            ReplyId = channel + "/m1/acknowledgement",
            MentionId = "m1",
            Channel = channel,
            ConversationId = "m1",
            Kind = ReplyKind.Acknowledgement,
            Text = "We're back at 9:00 AM.",
            CreatedAt = DateTimeOffset.UnixEpoch,
        };

        var route = router.Route(reply);

        Assert.True(route.IsFallback);
        Assert.Equal(reason, route.FallbackReason);
    }

    [Theory]
    [InlineData("SocialBot:Networks:X:ConsumerKey", "k", "SocialBot:Networks:X:UserId: is required")]
    [InlineData("SocialBot:Networks:Bluesky:AppPassword", "p", "SocialBot:Networks:Bluesky:Handle: is required")]
    [InlineData("SocialBot:Networks:Mastodon:AccessToken", "t", "SocialBot:Networks:Mastodon:InstanceUrl: is required")]
    public void AddSocialBotNetworks_ShouldFailNamingTheKey_WhenANetworkIsHalfConfigured(string key, string value, string problem)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var services = new ServiceCollection().AddSingleton<SocialBot.Core.Networks.INetworkStateStore>(new Support.InMemoryNetworkStateStore());
        services.AddLogging().AddSingleton(new SocialBot.Core.Channels.ChannelCatalog());
        using var provider = services.AddSocialBotNetworks(configuration).BuildServiceProvider();

        var exception = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetServices<IReplyChannel>().ToList());

        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSocialBotNetworks_ShouldNameTheKey_WhenPollSecondsIsOutOfRange()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SocialBot:Networks:Mastodon:InstanceUrl"] = "https://mastodon.example",
            ["SocialBot:Networks:Mastodon:AccessToken"] = "t",
            ["SocialBot:Networks:Mastodon:PollSeconds"] = "1",
            ["SocialBot:Networks:Mastodon:BrandHashtags:0"] = "market hall",
        }).Build();
        var services = new ServiceCollection().AddSingleton<SocialBot.Core.Networks.INetworkStateStore>(new Support.InMemoryNetworkStateStore());
        services.AddLogging().AddSingleton(new SocialBot.Core.Channels.ChannelCatalog());
        using var provider = services.AddSocialBotNetworks(configuration).BuildServiceProvider();

        var exception = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetServices<IReplyChannel>().ToList());

        Assert.Contains("SocialBot:Networks:Mastodon:PollSeconds: 1 is outside 5..86400", exception.Message, StringComparison.Ordinal);
        Assert.Contains("SocialBot:Networks:Mastodon:BrandHashtags:0: 'market hall' is not a hashtag", exception.Message, StringComparison.Ordinal);
    }
}
