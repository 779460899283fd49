using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialBot.Azure.Storage;
using SocialBot.Core;
using SocialBot.Core.Networks;
using SocialBot.Core.Processing;
using SocialBot.Testing;
using SocialBot.Core.Configuration;

namespace SocialBot.Networks.Tests.EndToEnd;

/// <summary>
/// The app's pipeline over Azurite, driven by hand: a network poller enqueues on the real mentions queue, then the
/// TriageMention and SendReply processors drain the queues as the functions would (message deleted only when done).
/// </summary>
internal sealed class NetworkPipeline : IDisposable
{
    private readonly ServiceProvider _provider;

    public NetworkPipeline(AzuriteFixture azurite, IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).AddSocialBotDefaults().Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSocialBotCore(configuration);
        services.AddSocialBotStorage(configuration);
        services.AddSingleton(new StorageClients(azurite.Queues, azurite.Tables));
        services.AddSocialBotNetworks(configuration);
        _provider = services.BuildServiceProvider();
        Azurite = azurite;
    }

    /// <summary>Monday 30 November 2026, 17:30 in New York: after the default staffed hours.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 30, 22, 30, 0, TimeSpan.Zero));

    public AzuriteFixture Azurite { get; }

    public INetworkStateStore Store => _provider.GetRequiredService<INetworkStateStore>();

    public INetworkPoller Poller(string name) => _provider.GetServices<INetworkPoller>().Single(poller => poller.Name == name);

    public async Task ProvisionAsync()
    {
        await Azurite.ResetAsync();
        await _provider.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync();
    }

    public Task<IReadOnlyList<string>> TriageAllAsync() =>
        DrainAsync("mentions", _provider.GetRequiredService<TriageMentionProcessor>().ProcessAsync);

    public Task<IReadOnlyList<string>> SendAllAsync() =>
        DrainAsync("replies", _provider.GetRequiredService<SendReplyProcessor>().ProcessAsync);

    public async Task<int> DepthAsync(string queue)
    {
        var properties = await Azurite.Queues.GetQueueClient(queue).GetPropertiesAsync();
        return properties.Value.ApproximateMessagesCount;
    }

    public void Dispose() => _provider.Dispose();

    private async Task<IReadOnlyList<string>> DrainAsync(string queueName, Func<string, CancellationToken, Task<ProcessingResult>> process)
    {
        var codec = _provider.GetRequiredService<QueueMessageCodec>();
        var queue = Azurite.Queues.GetQueueClient(queueName);
        var summaries = new List<string>();
        while (true)
        {
            var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
            if (messages.Length == 0)
            {
                return summaries;
            }

            foreach (var message in messages)
            {
                var text = codec.TryDecode(message.Body.ToString(), out var problem) ?? throw new InvalidOperationException(problem);
                var result = await process(text, CancellationToken.None);
                summaries.Add(result.Summary);
                Assert.True(result.Completed, result.Summary);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }
}
