using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Networks.Common;
using SocialBot.Networks.Meta;

namespace SocialBot.Networks.Tests.Meta;

public sealed class MetaNetworkCheckTests
{
    [Fact]
    public async Task Check_ShouldPass_WhenTheTokenOpensThePageAndTheInstagramAccount()
    {
        await using var graph = await MetaFixtures.StartGraphAsync((request, _) => request.Path.StartsWith("/v24.0/me?", StringComparison.Ordinal)
            ? (200, $"{{\"id\":\"{MetaFixtures.PageId}\",\"name\":\"Contoso Market\"}}")
            : (200, $"{{\"id\":\"{MetaFixtures.InstagramId}\",\"username\":\"contoso\"}}"));
        using var provider = Build(graph.BaseUrl);

        var detail = await provider.GetRequiredService<INetworkCheck>().CheckAsync();

        Assert.Contains("Contoso Market", detail, StringComparison.Ordinal);
        Assert.Contains("@contoso", detail, StringComparison.Ordinal);
        Assert.All(graph.Requests, request => Assert.Equal($"Bearer {MetaFixtures.PageToken}", request.Authorization));
    }

    [Fact]
    public async Task Check_ShouldFailWithTheReason_WhenTheTokenExpired()
    {
        await using var graph = await MetaFixtures.StartGraphAsync((_, _) => (401, MetaFixtures.GraphError(190, "Error validating access token: Session has expired")));
        using var provider = Build(graph.BaseUrl);

        var failure = await Assert.ThrowsAsync<NetworkApiException>(() => provider.GetRequiredService<INetworkCheck>().CheckAsync());

        Assert.Contains("code 190", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(MetaFixtures.PageToken, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ShouldFail_WhenTheTokenBelongsToAnotherPage()
    {
        await using var graph = await MetaFixtures.StartGraphAsync((_, _) => (200, "{\"id\":\"999\",\"name\":\"Someone else\"}"));
        using var provider = Build(graph.BaseUrl);

        var failure = await Assert.ThrowsAsync<NetworkApiException>(() => provider.GetRequiredService<INetworkCheck>().CheckAsync());

        Assert.Contains("not Page " + MetaFixtures.PageId, failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(string graphBaseUrl)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(MetaFixtures.Settings(graphBaseUrl)).Build();
        return new ServiceCollection().AddLogging().AddMetaNetwork(configuration).BuildServiceProvider();
    }
}
