using Microsoft.Extensions.Configuration;
using SocialBot.Core.Configuration;
using SocialBot.Functions.Hosting;

namespace SocialBot.Functions.Tests;

public sealed class FunctionCatalogTests
{
    private static IConfiguration Settings(Dictionary<string, string?> values) =>
        FunctionCatalog.SettingsFor(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void Resolve_ShouldUseDefaultQueueNames_WhenConfigurationSetsOnlySomeOfThem()
    {
        var settings = Settings(new() { ["SocialBot:Queues:Mentions"] = "load-mentions" });

        Assert.Equal("load-mentions", FunctionCatalog.Resolve("%SocialBot__Queues__Mentions%", settings, "test"));
        Assert.Equal("notifications", FunctionCatalog.Resolve("%SocialBot__Queues__Notifications%", settings, "test"));
        Assert.Equal("replies", FunctionCatalog.Resolve("%SocialBot__Queues__Replies%", settings, "test"));
    }

    [Fact]
    public void Resolve_ShouldNameTheSetting_WhenAReferenceIsUnknown()
    {
        var exception = Assert.Throws<SocialBotConfigurationException>(() => FunctionCatalog.Resolve("%NoSuchSetting%", Settings([]), "X/function.json queueName"));

        Assert.Equal("NoSuchSetting: is not set (referenced by X/function.json queueName)", exception.Message);
    }

    [Fact]
    public void Load_ShouldReadEveryQueueFunctionAndTheHostSettings_FromTheBuildOutput()
    {
        var catalog = FunctionCatalog.Load(AppContext.BaseDirectory, Settings([]));

        Assert.Equal(["NotifyEscalation", "SendReply", "TriageMention"], catalog.Functions.Select(f => f.Name).Order().ToArray());
        Assert.Equal("mentions", catalog.Functions.Single(f => f.Name == "TriageMention").QueueName);
        Assert.Equal(16, catalog.Settings.BatchSize);
        Assert.Equal(8, catalog.Settings.NewBatchThreshold);
        Assert.Equal(5, catalog.Settings.MaxDequeueCount);
        Assert.True(catalog.Settings.Base64);
    }

    [Theory]
    [InlineData("""{"extensions":{"queues":{"batchSize":64}}}""", "host.json extensions:queues:batchSize")]
    [InlineData("""{"extensions":{"queues":{"maxPollingInterval":"soon"}}}""", "host.json extensions:queues:maxPollingInterval")]
    [InlineData("""{"extensions":{"queues":{"messageEncoding":"utf7"}}}""", "host.json extensions:queues:messageEncoding")]
    public void HostSettings_ShouldNameTheKey_WhenAValueIsWrong(string hostJson, string key)
    {
        var exception = Assert.Throws<SocialBotConfigurationException>(() => QueueHostSettings.FromHostJson(hostJson));

        Assert.Equal(key, exception.Key);
    }
}
