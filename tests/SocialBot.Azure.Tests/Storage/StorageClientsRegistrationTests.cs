using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Azure.Storage;

namespace SocialBot.Azure.Tests.Storage;

public sealed class StorageClientsRegistrationTests
{
    [Fact]
    public void AddSocialBotStorage_ShouldBuildTheQueueAndTableClientsOnce_WhenResolvedManyTimes()
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StorageClients.ConnectionName] = StorageClients.DevelopmentStorage })
            .Build();
        using var provider = new ServiceCollection().AddSocialBotStorage(configuration).BuildServiceProvider();

        // Act
        var first = provider.GetRequiredService<StorageClients>();
        var second = provider.GetRequiredService<StorageClients>();

        // Assert: one QueueServiceClient and one TableServiceClient (with their HTTP pipelines) for the app's life.
        Assert.Same(first, second);
        Assert.Same(first.Queues, second.Queues);
        Assert.Same(first.Tables, second.Tables);
    }
}
