using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialBot.Core.Configuration;
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

    [Fact]
    public async Task StartAsync_ShouldFailNamingTheKey_WhenTheConfigurationIsWrong()
    {
        // Arrange: one bad value on the command line; every other section comes from the embedded defaults.
        await using var app = LocalHostApp.Build(["--SocialBot:StaffedHours:TimeZone=Mars/Olympus"]);

        // Act: validation runs before any hosted service (no storage is touched).
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        // Assert
        var failures = exception is AggregateException aggregate ? aggregate.InnerExceptions : [exception];
        var validation = Assert.IsType<OptionsValidationException>(Assert.Single(failures));
        Assert.Contains(validation.Failures, failure => failure.StartsWith("SocialBot:StaffedHours:TimeZone:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_ShouldBindTheEmbeddedDefaultsUnderTheCommandLine()
    {
        // Arrange / Act
        await using var app = LocalHostApp.Build(["--SocialBot:Queues:Mentions=cli-mentions", "--SocialBot:AfterHours:TeamName=Fabrikam", "--SocialBot:AfterHours:Email=care@fabrikam.example"]);

        // Assert: set keys win; the rest of a set sub-section comes from the options' own defaults, not defaults.json.
        var queues = app.Services.GetRequiredService<QueueNamesOptions>();
        Assert.Equal("cli-mentions", queues.Mentions);
        Assert.Equal("replies", queues.Replies);
        var afterHours = app.Services.GetRequiredService<AfterHoursOptions>();
        Assert.Equal("Fabrikam", afterHours.TeamName);
        Assert.Null(afterHours.Voicemail);
        Assert.Equal("America/New_York", app.Services.GetRequiredService<StaffedHoursOptions>().TimeZone);
    }

    [Fact]
    public async Task Resolve_ShouldGiveTheOtherQueuesTheirDefaults_WhenOneQueueNameIsSet()
    {
        // Arrange: setting one queue name replaces the Queues sub-section of the defaults source.
        await using var app = LocalHostApp.Build(["--SocialBot:Queues:Mentions=cli-mentions"]);

        // Act
        var resolver = app.Services.GetRequiredService<Microsoft.Azure.WebJobs.INameResolver>();

        // Assert: the set name wins; the trigger attributes' other %Setting% names still resolve (to the options' defaults).
        Assert.Equal("cli-mentions", resolver.Resolve("SocialBot:Queues:Mentions"));
        Assert.Equal("replies", resolver.Resolve("SocialBot:Queues:Replies"));
        Assert.Equal("notifications", resolver.Resolve("SocialBot__Queues__Notifications"));
        Assert.Null(app.Configuration["SocialBot:Queues:Replies"]);
    }
}
