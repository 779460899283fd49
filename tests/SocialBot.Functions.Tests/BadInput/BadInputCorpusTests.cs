using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SocialBot.Core.Channels;
using SocialBot.Core.Mentions;

namespace SocialBot.Functions.Tests.BadInput;

/// <summary>
/// Runs the whole bad-input corpus through the standalone app in one go: every invalid case must land on
/// mentions-poison with its specific reason, every valid-but-odd case must be processed, and good mentions sent
/// in between must keep flowing.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class BadInputCorpusTests : IAsyncLifetime
{
    private const int GoodMentions = 20;

    private readonly AzuriteFixture _azurite;

    public BadInputCorpusTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
    }

    public Task InitializeAsync() => _azurite.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Corpus_ShouldHoldAtLeastOneHundredCases_WithUniqueNames()
    {
        var corpus = CorpusCase.Load();

        Assert.True(corpus.Count >= 100, $"only {corpus.Count} cases");
        Assert.Equal(corpus.Count, corpus.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(corpus.Where(c => c.ExpectPoison), c => Assert.False(string.IsNullOrEmpty(c.Reason), c.Name));
    }

    [Fact]
    public void Parser_ShouldMatchEachCorpusExpectation()
    {
        // Arrange
        var parser = new MentionParser(new ChannelCatalog());
        var wrong = new List<string>();

        // Act
        foreach (var corpusCase in CorpusCase.Load().Where(c => c.Bytes is not null && !c.Name.StartsWith("utf", StringComparison.Ordinal)))
        {
            var result = parser.Parse(Encoding.UTF8.GetString(corpusCase.Bytes!));
            var described = result.IsValid ? "valid" : result.Describe();
            if (corpusCase.ExpectPoison == result.IsValid || (corpusCase.ExpectPoison && !described.Contains(corpusCase.Reason!, StringComparison.Ordinal)))
            {
                wrong.Add($"{corpusCase.Name}: {described[..Math.Min(described.Length, 200)]}");
            }
        }

        // Assert
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task Corpus_ShouldPoisonEachInvalidCaseWithItsReason_AndProcessTheRest()
    {
        // Arrange
        var corpus = CorpusCase.Load().Where(c => c.FitsQueue).ToList();
        var queue = _azurite.Queues.GetQueueClient("mentions");
        await queue.CreateIfNotExistsAsync();
        var good = JsonNode.Parse(TestQueues.Sample("shipping-question.json"))!;
        for (var i = 0; i < corpus.Count; i++)
        {
            await queue.SendMessageAsync(corpus[i].QueueBody);
            if (i % (corpus.Count / GoodMentions) == 0 && i / (corpus.Count / GoodMentions) < GoodMentions)
            {
                good["id"] = $"good-{i}";
                good["conversationId"] = $"good-conversation-{i}";
                await TestQueues.EnqueueAsync(_azurite, "mentions", good.ToJsonString());
            }
        }

        // Bytes that are not UTF-8 reach the function as text with U+FFFD in their place (the queue extension's string
        // binding, the same under the Functions host): such a case is poisoned or processed, but never lost.
        var lossy = corpus.Count(IsLossyText);
        var expectedPoison = corpus.Count(c => c.ExpectPoison && !IsLossyText(c));
        var expectedProcessed = corpus.Count - expectedPoison - lossy + GoodMentions;

        // Act
        await using var app = await RunningApp.StartAsync(_azurite, FixedClock.AfterHours);
        var drained = await TestQueues.EventuallyAsync(
            async () => await app.Status.ReadAsync() is { Pending: 0 } status && status.Queues["replies"] == 0 && status.Received == corpus.Count + GoodMentions,
            TimeSpan.FromSeconds(150));

        // Assert
        var final = await app.Status.ReadAsync();
        Assert.True(drained, $"did not drain: {final}");
        var poisoned = await AllPoisonAsync();
        Console.WriteLine($"corpus: {corpus.Count} queued cases + {GoodMentions} good; poisoned {poisoned.Count}, handed off {final.HandedOff}, ignored {final.Ignored}, acknowledged {final.Acknowledged}");
        foreach (var group in poisoned.GroupBy(p => ReasonKind(p.Reason)).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine($"  {group.Count(),4}  {group.Key}");
        }

        var unexpected = poisoned.Where(p => !corpus.Any(c => c.ExpectPoison && p.Message is not null && (Matches(c, p.Message) || IsLossyText(c)))).Select(p => p.Reason).ToList();
        Assert.True(unexpected.Count == 0, "valid cases poisoned: " + string.Join(Environment.NewLine, unexpected));
        Assert.InRange(final.Poisoned, expectedPoison, expectedPoison + lossy);
        Assert.Equal(expectedProcessed + lossy, final.HandedOff + final.Ignored + final.Poisoned - expectedPoison);
        Assert.Equal(final.Received, final.HandedOff + final.Ignored + final.Poisoned + final.Pending);
        var unmatched = corpus.Where(c => c.ExpectPoison && !IsLossyText(c))
            .Where(c => !poisoned.Any(p => p.Message is not null && Matches(c, p.Message) && p.Reason.Contains(ExpectedReason(c), StringComparison.Ordinal)))
            .Select(c => c.Name)
            .ToList();
        Assert.True(unmatched.Count == 0, "no poison message with the expected reason for: " + string.Join(", ", unmatched));
        var replies = await app.Status.ListRepliesAsync();
        Assert.True(replies.Count(r => r.MentionId.StartsWith("good-", StringComparison.Ordinal)) == GoodMentions, "good mentions stopped flowing");
        Assert.All(replies, reply => AcknowledgementChecks.AssertClean(reply.Channel, reply.Text));
    }

    /// <summary>Bodies that are not base64 never reach the function: the queue extension moves them to the poison queue as they are.</summary>
    private const string MovedByExtension = "moved as-is by the queue extension";

    private static bool IsLossyText(CorpusCase corpusCase) => corpusCase.Reason == "not valid UTF-8";

    private static string ExpectedReason(CorpusCase corpusCase) => corpusCase.Reason == "not valid base64" ? MovedByExtension : corpusCase.Reason!;

    private static bool Matches(CorpusCase corpusCase, string poisonedMessage) =>
        corpusCase.Bytes is null
            ? poisonedMessage == corpusCase.QueueBody
            : poisonedMessage == corpusCase.QueueBody || poisonedMessage == Encoding.UTF8.GetString(corpusCase.Bytes);

    private static string ReasonKind(string reason)
    {
        var colon = reason.IndexOf(": ", StringComparison.Ordinal);
        var start = colon >= 0 && reason.StartsWith("invalid mention", StringComparison.Ordinal) ? colon + 2 : 0;
        var rest = reason[start..];
        var cut = rest.IndexOfAny(['\'', '(', ';']);
        return (cut > 0 ? rest[..cut] : rest).Trim();
    }

    private async Task<List<Core.Processing.PoisonMessage>> AllPoisonAsync()
    {
        var all = new List<Core.Processing.PoisonMessage>();
        var queue = _azurite.Queues.GetQueueClient("mentions-poison");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            if (batch.Length == 0)
            {
                return all;
            }

            foreach (var message in batch.Where(m => seen.Add(m.MessageId)))
            {
                var text = new Azure.Storage.QueueMessageCodec(base64: true).TryDecode(message.MessageText, out _);
                all.Add(text is null
                    ? new Core.Processing.PoisonMessage { Reason = MovedByExtension, Queue = "mentions", DequeueCount = message.DequeueCount, PoisonedAt = DateTimeOffset.MinValue, Message = message.MessageText }
                    : System.Text.Json.JsonSerializer.Deserialize<Core.Processing.PoisonMessage>(text, Core.Serialization.SocialBotJson.Options)!);
            }
        }
    }
}

/// <summary>What every automatic acknowledgement must satisfy, whatever the mention contained.</summary>
internal static class AcknowledgementChecks
{
    private static readonly string[] Placeholders = ["{email}", "{voicemail}", "{TeamName}", "{name}", "{nextStaffedAt}", "{{", "${", "%s", "{0}"];

    public static void AssertClean(string channel, string text)
    {
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.DoesNotContain(text, c => char.IsControl(c) && c != '\n');
        Assert.DoesNotContain(text, c => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C');
        foreach (var placeholder in Placeholders)
        {
            Assert.False(text.Contains(placeholder, StringComparison.Ordinal), $"placeholder {placeholder} in: {text}");
        }

        Assert.True(CountOf(text, "help@contoso.example") <= 1, "the email address appears more than once: " + text);
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        var profile = new ChannelCatalog().Get(channel);
        var length = profile.LengthOf(text);
        Assert.True(length <= profile.MaxReplyLength, $"{length.ToString(CultureInfo.InvariantCulture)} > {profile.MaxReplyLength} on {channel}: {text}");
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
