using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using SocialBot.Core.Diagnostics;

namespace SocialBot.Functions.Tests.Faults;

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;

    public TelemetryTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
    }

    public Task InitializeAsync() => _azurite.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Meter_ShouldEmitTriageHandoffSentimentAndLatency_WhenAMentionIsProcessed()
    {
        // Arrange
        var measurements = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SocialBotMetrics.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.AddOrUpdate(Key(instrument, tags), value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.AddOrUpdate(Key(instrument, tags), 1, (_, count) => count + 1));
        listener.Start();
        await TestQueues.EnqueueAsync(_azurite, "mentions", TestQueues.Sample("refund-complaint.json"));

        // Act
        await using var app = await RunningApp.StartAsync(_azurite, FixedClock.AfterHours);
        // The reply is queued (and may be sent) before triage records its outcome, so wait for both.
        var emitted = await TestQueues.EventuallyAsync(
            () => Task.FromResult(
                measurements.Keys.Any(k => k.StartsWith("socialbot.acknowledgement.latency", StringComparison.Ordinal))
                && measurements.Keys.Any(k => k.StartsWith("socialbot.mentions.triaged", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(15));

        // Assert
        Assert.True(emitted, "no acknowledgement latency or triage recorded; got: " + string.Join(", ", measurements.Keys));
        Assert.True(measurements.GetValueOrDefault("socialbot.mentions.triaged|acknowledged=True,channel=twitter,outcome=handedOff") >= 1, string.Join(", ", measurements.Keys));
        Assert.True(measurements.GetValueOrDefault("socialbot.handoffs|priority=urgent") >= 1);
        Assert.True(measurements.GetValueOrDefault("socialbot.sentiment.labels|analyzer=embedded,label=negative") >= 1);
    }

    [Fact]
    public async Task Health_ShouldAnswerHealthy_WhenStorageIsReachable()
    {
        // Arrange
        await using var app = await RunningApp.StartAsync(_azurite, FixedClock.AfterHours);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        // Act
        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"healthy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Key(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags)
        {
            parts.Add($"{tag.Key}={tag.Value}");
        }

        parts.Sort(StringComparer.Ordinal);
        return instrument.Name + "|" + string.Join(",", parts);
    }
}
