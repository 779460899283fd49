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
}
