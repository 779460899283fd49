using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.LocalHost;
using SocialBot.LocalHost.Hosting;

namespace SocialBot.Functions.Tests.Hosting;

/// <summary>The timer-trigger path of the local host (the pattern the network pollers and the retention sweep follow).</summary>
public sealed class LocalHostTimerTests
{
    private const string AppMetadata = """
        [{"name":"SampleSweep","bindings":[{"name":"timer","direction":"In","type":"timerTrigger","schedule":"%SocialBot:Sample:SweepSchedule%","properties":{}}]}]
        """;

    [Fact]
    public async Task DriftGuard_ShouldAcceptATimerFunction_WhenTheScheduleSettingMatches()
    {
        // Arrange
        await using var app = Build(connection: "UseDevelopmentStorage=true", schedule: "0 */5 * * * *");
        var local = LocalHostFunction.Read(app).Where(function => function.Name == SampleTimerFunctions.Name).ToList();

        // Act
        var problems = DriftGuard.Compare(FunctionMetadata.Read(AppMetadata), local);

        // Assert
        Assert.Equal("timerTrigger", Assert.Single(local).TriggerType);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task DriftGuard_ShouldReportTheTimer_WhenTheAppUsesAnotherSchedule()
    {
        // Arrange
        await using var app = Build(connection: "UseDevelopmentStorage=true", schedule: "0 */5 * * * *");
        var local = LocalHostFunction.Read(app).Where(function => function.Name == SampleTimerFunctions.Name).ToList();
        var metadata = FunctionMetadata.Read(AppMetadata.Replace("%SocialBot:Sample:SweepSchedule%", "0 0 * * * *", StringComparison.Ordinal));

        // Act
        var problems = DriftGuard.Compare(metadata, local);

        // Assert
        Assert.Contains(problems, problem => problem.Contains("schedule", StringComparison.Ordinal));
    }

    [Fact]
    public void DriftGuard_ShouldReportAFunctionTheLocalHostLacks()
    {
        // Arrange
        var metadata = FunctionMetadata.Read(AppMetadata);

        // Act
        var problems = DriftGuard.Compare(metadata, []);

        // Assert
        Assert.Equal(["SampleSweep: the local host serves it 0 times (expected once)"], problems);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task TimerFunction_ShouldRunOnItsSettingSchedule()
    {
        // Arrange
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            await using var app = Build(azurite.ConnectionString, schedule: "*/1 * * * * *");
            var calls = app.Services.GetRequiredService<SampleTimerCalls>();

            // Act
            await app.StartAsync();
            var fired = await Task.WhenAny(calls.First, Task.Delay(TimeSpan.FromSeconds(15))) == calls.First;
            await app.StopAsync();

            // Assert
            Assert.True(fired, "the timer function never ran");
            Assert.True(calls.Count >= 1);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static WebApplication Build(string connection, string schedule) =>
        LocalHostApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = connection,
                ["SocialBot:Sample:SweepSchedule"] = schedule,
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.Services.AddSingleton(new LocalJobType(typeof(SampleTimerFunctions)));
            builder.Services.AddSingleton<SampleTimerFunctions>();
            builder.Services.AddSingleton<SampleTimerCalls>();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
}
