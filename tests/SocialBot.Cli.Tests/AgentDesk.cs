using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Azure.Storage;
using SocialBot.Core.Mentions;
using SocialBot.Core.Processing;
using SocialBot.Core.Serialization;
using SocialBot.Core.Triage;
using SocialBot.Testing;

namespace SocialBot.Cli.Tests;

/// <summary>Test support for the agent commands: a CLI runner and services wired to the test's Azurite, and ways to put tickets on the handoff queues.</summary>
internal sealed class AgentDesk
{
    private readonly AzuriteFixture _azurite;

    public AgentDesk(AzuriteFixture azurite)
    {
        _azurite = azurite;
        Cli = new CliRunner { Configure = UseAzurite };
    }

    public CliRunner Cli { get; }

    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(-5));

    public ServiceProvider Services(IReadOnlyDictionary<string, string?>? overrides = null) =>
        new CliServices { Time = Cli.Time, Configure = UseAzurite }.Build(null, cloud: true, overrides);

    public async Task ProvisionAsync()
    {
        await _azurite.ResetAsync();
        using var services = Services();
        await services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync();
    }

    /// <summary>Queues a ticket the way triage does.</summary>
    public async Task<string> HandOffAsync(string mentionId, HandoffPriority priority, DateTimeOffset handedOffAt, DateTimeOffset? dueBy = null, string text = "Where is my refund?")
    {
        var ticket = new HandoffTicket
        {
            Id = "twitter/" + mentionId,
            Mention = new Mention
            {
                Id = mentionId,
                Channel = "twitter",
                ConversationId = "conversation-" + mentionId,
                Author = new MentionAuthor { Id = "a-" + mentionId, Handle = "@dana_k", Name = "Dana Kim" },
                Text = text,
                ReceivedAt = handedOffAt,
            },
            Priority = priority,
            Reasons = [priority == HandoffPriority.Urgent ? "negative sentiment" : "follow-up"],
            DueBy = dueBy ?? handedOffAt.AddMinutes(priority == HandoffPriority.Urgent ? 30 : 240),
            ArrivedAfterHours = false,
            HandedOffAt = handedOffAt,
            Trace = ["test ticket"],
        };
        using var services = Services();
        await services.GetRequiredService<IOutboundQueues>().EnqueueHandoffAsync(ticket);
        return ticket.Id;
    }

    /// <summary>Runs TriageMention on a sample mention at the runner's clock.</summary>
    public async Task TriageAsync(string sample, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        using var services = Services(overrides);
        var result = await services.GetRequiredService<TriageMentionProcessor>().ProcessAsync(TestQueues.Sample(sample));
        Assert.True(result.Completed, result.Summary);
    }

    public async Task<List<string>> DrainAsync(string queueName)
    {
        var queue = _azurite.Queues.GetQueueClient(queueName);
        var texts = new List<string>();
        foreach (var message in (await queue.ReceiveMessagesAsync(32)).Value)
        {
            texts.Add(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText)));
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        return texts;
    }

    public static T Parse<T>(string json) => JsonSerializer.Deserialize<T>(json, SocialBotJson.Options)!;

    private void UseAzurite(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(new StorageClients(_azurite.Queues, _azurite.Tables));
}
