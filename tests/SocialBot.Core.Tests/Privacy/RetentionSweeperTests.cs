using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SocialBot.Core.Privacy;

namespace SocialBot.Core.Tests.Privacy;

public sealed class RetentionSweeperTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(30)]
    [InlineData(7)]
    public async Task Sweep_ShouldPurgeWhatIsOlderThanTheConfiguredDays_AndReportIt(int days)
    {
        // Arrange
        var store = new Mock<IPersonalDataStore>();
        var report = new PrivacyReport { Action = "purge", Counts = new Dictionary<string, int> { ["handoffs"] = 2, ["mentions-poison"] = 1 } };
        store.Setup(s => s.PurgeOlderThanAsync(Now.AddDays(-days), It.IsAny<CancellationToken>())).ReturnsAsync(report);
        var sweeper = new RetentionSweeper(store.Object, new RetentionOptions { Days = days }, new FakeTimeProvider(Now), NullLogger<RetentionSweeper>.Instance);

        // Act
        var swept = await sweeper.SweepAsync();

        // Assert
        Assert.Equal(3, swept.Total);
        store.Verify(s => s.PurgeOlderThanAsync(Now.AddDays(-days), It.IsAny<CancellationToken>()), Times.Once);
    }
}
