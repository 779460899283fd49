using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Azure.Storage;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Networks;
using SocialBot.Core.OptOut;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;
using SocialBot.Core.Serialization;
using SocialBot.Core.Triage;
using SocialBot.Testing;

namespace SocialBot.Azure.Tests.Storage;

/// <summary>
/// The contracts of the storage ports (Core's interfaces) against their Azure Storage adapters on Azurite: what one
/// write lets the next read see, first-write-wins where the port promises it, and the messages' JSON on the queues.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StorageContractTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;

    private ServiceProvider _services = null!;

    public StorageContractTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
    }

    public async Task InitializeAsync() => _services = await StorageAdapters.StartAsync(_azurite);

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task OptOutStore_ShouldKeepTheFirstDate_AndFindNothingForOthers()
    {
        // Arrange
        var store = _services.GetRequiredService<IOptOutStore>();

        // Act
        await store.RecordAsync("twitter", "a/1", StorageAdapters.At);
        await store.RecordAsync("twitter", "a/1", StorageAdapters.At.AddDays(1));

        // Assert
        Assert.Equal(StorageAdapters.At, await store.FindAsync("twitter", "a/1"));
        Assert.Null(await store.FindAsync("twitter", "a/2"));
        Assert.Null(await store.FindAsync("bluesky", "a/1"));
    }

    [Fact]
    public async Task NetworkStateStore_ShouldReadBackWhatWasSaved_AndFindRecordedReplies()
    {
        // Arrange
        var store = _services.GetRequiredService<INetworkStateStore>();
        var fresh = await store.GetAsync("x", "mentions");

        // Act
        await store.SaveAsync(fresh with { Cursor = "1790000000000000001", LastPollAt = StorageAdapters.At, Enqueued = 3 });
        await store.RecordReplyAsync("x", "x/m1/acknowledgement", "1790000000000000009", StorageAdapters.At);

        // Assert
        var saved = await store.GetAsync("x", "mentions");
        Assert.Equal("1790000000000000001", saved.Cursor);
        Assert.Equal(StorageAdapters.At, saved.LastPollAt);
        Assert.Equal(3, saved.Enqueued);
        Assert.Contains(await store.ListAsync("x"), state => state.Feed == "mentions");
        Assert.Equal("1790000000000000009", await store.FindReplyAsync("x", "x/m1/acknowledgement"));
        Assert.Null(await store.FindReplyAsync("x", "x/m2/acknowledgement"));
        Assert.Equal(1, await store.CountRepliesAsync("x"));
    }

    [Fact]
    public async Task EffectLog_ShouldRememberAnEffectPerMention()
    {
        // Arrange
        var log = _services.GetRequiredService<IEffectLog>();
        var mention = StorageAdapters.Mention();

        // Act
        var before = await log.HasDoneAsync(mention, "handoff");
        await log.MarkDoneAsync(mention, "handoff", StorageAdapters.At);

        // Assert
        Assert.False(before);
        Assert.True(await log.HasDoneAsync(mention, "handoff"));
        Assert.False(await log.HasDoneAsync(mention, "notice"));
        Assert.False(await log.HasDoneAsync(StorageAdapters.Mention("m2"), "handoff"));
    }

    [Fact]
    public async Task MentionLedger_ShouldSayProcessed_OnlyAfterTheOutcomeIsRecorded()
    {
        // Arrange
        var ledger = _services.GetRequiredService<IMentionLedger>();
        var mention = StorageAdapters.Mention();
        var decision = new TriageDecision { MentionId = mention.Id, Channel = mention.Channel, DecidedAt = StorageAdapters.At, Staffed = true, Trace = ["test"] };
        var state = await ledger.ReadAsync(mention);

        // Act
        var recorded = await ledger.RecordAsync(mention, decision, state);
        var again = await ledger.RecordAsync(mention, decision, state);

        // Assert
        Assert.False(state.AlreadyProcessed);
        Assert.True(recorded);
        Assert.False(again);
        Assert.True((await ledger.ReadAsync(mention)).AlreadyProcessed);
    }

    [Fact]
    public async Task SentReplyLog_ShouldClaimOnce_ThenSayAlreadySent()
    {
        // Arrange
        var log = _services.GetRequiredService<ISentReplyLog>();
        var reply = StorageAdapters.Reply();

        // Act
        var first = await log.ClaimAsync(reply, StorageAdapters.At);
        var concurrent = await log.ClaimAsync(reply, StorageAdapters.At.AddSeconds(5));
        var stale = await log.ClaimAsync(reply, StorageAdapters.At + TableSentReplyLog.StaleAfter + TimeSpan.FromSeconds(1));
        await log.MarkSentAsync(reply, StorageAdapters.At.AddMinutes(4));
        var afterSend = await log.ClaimAsync(reply, StorageAdapters.At.AddMinutes(5));

        // Assert
        Assert.Equal(SendClaim.Claimed, first);
        Assert.Equal(SendClaim.InProgress, concurrent);
        Assert.Equal(SendClaim.Claimed, stale);
        Assert.Equal(SendClaim.AlreadySent, afterSend);
    }

    [Fact]
    public async Task SentReplyLog_ShouldLetAReleasedClaimBeTakenAgain()
    {
        var log = _services.GetRequiredService<ISentReplyLog>();
        var reply = StorageAdapters.Reply();

        Assert.Equal(SendClaim.Claimed, await log.ClaimAsync(reply, StorageAdapters.At));
        await log.ReleaseAsync(reply);

        Assert.Equal(SendClaim.Claimed, await log.ClaimAsync(reply, StorageAdapters.At.AddSeconds(1)));
    }

    [Fact]
    public async Task OutboundQueues_ShouldWriteTheReplyAsCompactJson_WithEmojiAsCharacters()
    {
        // Arrange
        var queues = _services.GetRequiredService<IOutboundQueues>();
        var reply = StorageAdapters.Reply();

        // Act
        await queues.EnqueueReplyAsync(reply);

        // Assert: base64 on the queue (host.json's default), the shape of docs/message-formats.md inside.
        var message = Assert.Single((await _azurite.Queues.GetQueueClient("replies").PeekMessagesAsync(32)).Value);
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText));
        Assert.Equal(SocialBotJson.SerializeCompact(reply), json);
        Assert.Contains("\"kind\":\"acknowledgement\"", json, StringComparison.Ordinal);
        Assert.Contains("👋", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutboundQueues_ShouldQueueTheWholeTicket_OnTheQueueOfItsPriority()
    {
        // Arrange
        var queues = _services.GetRequiredService<IOutboundQueues>();
        var ticket = new HandoffTicket
        {
            Id = "twitter/m1",
            Mention = StorageAdapters.Mention(),
            Priority = HandoffPriority.Urgent,
            Reasons = ["negative sentiment"],
            ArrivedAfterHours = true,
            HandedOffAt = StorageAdapters.At,
            Trace = ["test"],
        };

        // Act
        await queues.EnqueueHandoffAsync(ticket);

        // Assert
        var message = Assert.Single((await _azurite.Queues.GetQueueClient("handoffs-urgent").PeekMessagesAsync(32)).Value);
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText));
        Assert.Equal(SocialBotJson.SerializeCompact(ticket), json);
    }

    [Fact]
    public async Task PoisonQueue_ShouldKeepTheReasonAndTheOriginal_ForPoisonStoreToList()
    {
        // Arrange
        var poison = _services.GetRequiredService<IPoisonQueue>();
        var original = "{\"id\":\"m1\",\"text\":\"broken 😀\"";

        // Act
        await poison.SendAsync("mentions", new PoisonMessage { Reason = "not valid JSON", Queue = "mentions", DequeueCount = 1, PoisonedAt = StorageAdapters.At, Message = original });

        // Assert
        var entry = Assert.Single(await ActivatorUtilities.CreateInstance<PoisonStore>(_services).ListAsync("mentions"));
        Assert.Equal("not valid JSON", entry.Reason);
        Assert.Equal(original, entry.Message);
    }

    [Fact]
    public async Task EscalationQueue_ShouldWriteTheNotice_ForTheNotifyFunctionToRead()
    {
        // Arrange
        var queue = _services.GetRequiredService<IEscalationQueue>();
        var notice = new EscalationNotice { HandoffId = "twitter/m1", Priority = HandoffPriority.Urgent, Channel = "twitter", Reasons = ["negative sentiment"], ArrivedAfterHours = true };

        // Act
        await queue.EnqueueAsync(notice);

        // Assert
        var message = Assert.Single((await _azurite.Queues.GetQueueClient("notifications").PeekMessagesAsync(32)).Value);
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText));
        Assert.Equal(SocialBotJson.SerializeCompact(notice), json);
    }
}
