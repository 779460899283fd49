using Microsoft.Extensions.DependencyInjection;
using SocialBot.LocalHost;

namespace SocialBot.Functions.Tests.Hosting;

public sealed class LocalHostAppTests
{
    [Fact]
    public async Task Build_ShouldConnectToTheLocalEmulator_WhenNoStorageSettingIsGiven()
    {
        // Arrange / Act: nothing configured, as in a fresh checkout (./run-local.sh sets no AzureWebJobsStorage).
        await using var app = LocalHostApp.Build([]);

        // Assert: the queue extension reads this setting itself; without it indexing fails and the host aborts.
        Assert.Equal(LocalHostApp.DevelopmentStorage, app.Configuration[LocalHostApp.StorageSetting]);
    }

    [Fact]
    public async Task Build_ShouldKeepAnIdentityBasedStorageSetting()
    {
        // Arrange / Act
        await using var app = LocalHostApp.Build(["--AzureWebJobsStorage:queueServiceUri=https://account.queue.core.windows.net"]);

        // Assert
        Assert.Null(app.Configuration[LocalHostApp.StorageSetting]);
        Assert.Equal("https://account.queue.core.windows.net", app.Configuration["AzureWebJobsStorage:queueServiceUri"]);
    }

    [Fact]
    public async Task Build_ShouldResolveTheDefaultPollSchedule_WhenTheNetworksSectionIsPartlySet()
    {
        // Arrange: setting one Networks key replaces the section's defaults for the options binder.
        await using var app = LocalHostApp.Build(["--SocialBot:Networks:Meta:VerifyToken=t"]);

        // Act
        var resolver = app.Services.GetRequiredService<Microsoft.Azure.WebJobs.INameResolver>();

        // Assert: the timer trigger's %Setting% still resolves, or the host would not start.
        Assert.Equal("*/10 * * * * *", resolver.Resolve("SocialBot:Networks:PollSchedule"));
        Assert.Equal("0 30 3 * * *", resolver.Resolve("SocialBot:Retention:Schedule"));
    }
}
