using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SocialBot.Core.Networks;
using SocialBot.Functions.Functions;

namespace SocialBot.Functions.Tests.Functions;

public sealed class PollNetworksTests
{
    [Fact]
    public async Task Handle_ShouldPollTheOtherNetworks_WhenOnePollerThrows()
    {
        // Arrange
        var failing = new Mock<INetworkPoller>();
        failing.SetupGet(poller => poller.Name).Returns("x");
        failing.Setup(poller => poller.PollAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("boom"));
        var working = new Mock<INetworkPoller>();
        working.SetupGet(poller => poller.Name).Returns("bluesky");
        working.Setup(poller => poller.PollAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new PollOutcome { Network = "bluesky", Polled = true, Enqueued = 2, Requests = 1 });
        var function = new PollNetworks([failing.Object, working.Object], NullLogger<PollNetworks>.Instance);

        // Act
        var outcomes = await function.HandleAsync(CancellationToken.None);

        // Assert
        working.Verify(poller => poller.PollAsync(It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(["x", "bluesky"], outcomes.Select(outcome => outcome.Network));
        Assert.Equal(["HttpRequestException"], outcomes[0].Errors);
        Assert.Equal(2, outcomes[1].Enqueued);
    }

    [Fact]
    public async Task Handle_ShouldDoNothing_WhenNoNetworkIsConfigured()
    {
        // Arrange
        var function = new PollNetworks([], NullLogger<PollNetworks>.Instance);

        // Act
        var outcomes = await function.HandleAsync(CancellationToken.None);

        // Assert
        Assert.Empty(outcomes);
    }
}
