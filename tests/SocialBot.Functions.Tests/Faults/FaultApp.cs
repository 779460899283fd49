using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Azure.Storage;
using SocialBot.Core.Replies;

namespace SocialBot.Functions.Tests.Faults;

/// <summary>The standalone app against Azurite with fakes swapped in (a reply channel, extra settings).</summary>
internal sealed class FaultApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FaultApp(WebApplication app)
    {
        _app = app;
    }

    public StorageStatus Status => _app.Services.GetRequiredService<StorageStatus>();

    public IServiceProvider Services => _app.Services;

    public static Task<FaultApp> StartAsync(AzuriteFixture azurite, IReplyChannel? channel = null, IDictionary<string, string?>? settings = null) =>
        StartAsync(azurite.ConnectionString, channel, settings);

    public static async Task<FaultApp> StartAsync(string storageConnectionString, IReplyChannel? channel = null, IDictionary<string, string?>? settings = null)
    {
        var app = SocialBotApp.Build([], builder =>
        {
            var values = new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = storageConnectionString,
                ["SocialBot:Standalone:MessageLease"] = "00:00:03",

                // The load and fault scenarios send many mentions from one sample author; the daily cap has its own tests.
                ["SocialBot:AutoReplies:MaxPerAuthorPerDay"] = "1000",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:SocialBot"] = "Error",
                ["Logging:LogLevel:Microsoft"] = "Error",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                values[key] = value;
            }

            builder.Configuration.AddInMemoryCollection(values);
            builder.Services.AddSingleton<TimeProvider>(FixedClock.AfterHours);
            if (channel is not null)
            {
                builder.Services.AddSingleton(channel);
            }

            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync();
        return new FaultApp(app);
    }

    public async Task StopAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _app.StopAsync(cancellation.Token);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public static Task EnqueueMentionsAsync(AzuriteFixture azurite, string prefix, int from, int count, string sample = "shipping-question.json") =>
        EnqueueMentionsAsync(text => RunningApp.EnqueueAsync(azurite, "mentions", text), prefix, from, count, sample);

    /// <summary>Mentions <c>{prefix}-{from}</c>… made from a sample, each in its own conversation, handed to <paramref name="enqueue"/>.</summary>
    public static async Task EnqueueMentionsAsync(Func<string, Task> enqueue, string prefix, int from, int count, string sample = "shipping-question.json")
    {
        var template = JsonNode.Parse(RunningApp.Sample(sample))!;
        for (var i = from; i < from + count; i++)
        {
            template["id"] = $"{prefix}-{i}";
            template["conversationId"] = $"{prefix}-conversation-{i}";
            await enqueue(template.ToJsonString());
        }
    }

    /// <summary>The invariant after every fault run: every mention has one outcome and nothing is pending.</summary>
    /// <summary>
    /// The status once every mention has left the queue. A reply can be delivered before the triage that queued it has
    /// recorded its outcome and deleted the mention, so a test that waited for deliveries waits for this too.
    /// </summary>
    public async Task<StatusReport> SettledStatusAsync()
    {
        var status = await Status.ReadAsync();
        await RunningApp.EventuallyAsync(async () => (status = await Status.ReadAsync()).Pending == 0, TimeSpan.FromSeconds(20));
        return status;
    }

    public static void AssertAddsUp(StatusReport status, int mentions)
    {
        Assert.Equal(mentions, status.Received);
        Assert.Equal(0, status.Pending);
        Assert.Equal(status.Received, status.HandedOff + status.Ignored + status.Poisoned + status.Pending);
    }
}
