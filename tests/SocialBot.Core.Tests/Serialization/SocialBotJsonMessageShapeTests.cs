using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialBot.Core.Channels;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Mentions;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Serialization;
using SocialBot.Core.Triage;

namespace SocialBot.Core.Tests.Serialization;

/// <summary>
/// The wire shape of the five messages (mention, reply, handoff ticket, escalation notice, poison envelope) as the
/// reflection-plus-regex serializer wrote them before the source-generated context: byte for byte the same today, and
/// still readable, including the older form with emoji written as escaped surrogate pairs.
/// </summary>
public sealed class SocialBotJsonMessageShapeTests
{
    // Quote, backslash, controls, a literal "\uD83D" typed by a customer, HTML characters, an unassigned code point,
    // U+2028 and a BOM: everything the relaxed encoder escapes or keeps, next to emoji written as characters.
    private const string OddText = "Hi 😀 \\uD83D\\uDE00 \\😀 \"q\" \u0001\t\n é ß 中 \u2028 \u0378 <b>&amp;</b> ' \uFEFF end";

    private const string MentionJson = """
        {"id":"m1","channel":"twitter","conversationId":"c1","author":{"id":"a1","handle":"dana","name":"Dana 🌸","isBot":false},"text":"Hi 😀 \\uD83D\\uDE00 \\😀 \"q\" \u0001\t\n é ß 中 \u2028 \u0378 <b>&amp;</b> ' \uFEFF end","receivedAt":"2026-11-30T22:00:00+01:00","isPublic":true,"direct":true,"inReplyTo":null,"conversationReference":{"serviceUrl":"https://x.example/","activityId":null,"channelId":null,"bot":null,"user":{"id":"u1","name":"U"},"conversation":{"id":"c1","name":null,"isGroup":false,"conversationType":null,"tenantId":null}},"networkReference":{"tweetId":"1"}}
        """;

    private const string TicketJson = """
        {"id":"twitter/m1","mention":{"id":"m1","channel":"twitter","conversationId":"c1","author":{"id":"a1","handle":"dana","name":"Dana 🌸","isBot":false},"text":"Hi 😀 \\uD83D\\uDE00 \\😀 \"q\" \u0001\t\n é ß 中 \u2028 \u0378 <b>&amp;</b> ' \uFEFF end","receivedAt":"2026-11-30T22:00:00+01:00","isPublic":true,"direct":true,"inReplyTo":null,"conversationReference":{"serviceUrl":"https://x.example/","activityId":null,"channelId":null,"bot":null,"user":{"id":"u1","name":"U"},"conversation":{"id":"c1","name":null,"isGroup":false,"conversationType":null,"tenantId":null}},"networkReference":{"tweetId":"1"}},"priority":"urgent","reasons":["negative","waiting: \"still\""],"dueBy":"2026-12-01T00:00:00+01:00","sentiment":{"label":"negative","score":-0.5,"analyzer":"lexicon","cues":["waiting"],"isNegative":true},"acknowledgement":"ack 🙏","arrivedAfterHours":true,"handedOffAt":"2026-11-30T22:00:00+01:00","trace":["t1"]}
        """;

    private const string ReplyJson = """
        {"replyId":"twitter/m1/acknowledgement","mentionId":"m1","channel":"twitter","conversationId":"c1","kind":"acknowledgement","text":"Hi 😀 \\uD83D\\uDE00 \\😀 \"q\" \u0001\t\n é ß 中 \u2028 \u0378 <b>&amp;</b> ' \uFEFF end","createdAt":"2026-11-30T22:00:00+01:00","isPublic":true,"agentName":null,"conversationReference":null,"networkReference":{"tweetId":"1"}}
        """;

    private const string NoticeJson = """
        {"handoffId":"twitter/m1","priority":"normal","channel":"twitter","dueBy":null,"reasons":["r"],"arrivedAfterHours":false,"onCall":"Sam","text":"Hi 😀 \\uD83D\\uDE00 \\😀 \"q\" \u0001\t\n é ß 中 \u2028 \u0378 <b>&amp;</b> ' \uFEFF end"}
        """;

    private const string PoisonJson = """
        {"reason":"text: bad","queue":"mentions","dequeueCount":1,"poisonedAt":"2026-11-30T22:00:00+01:00","message":"{\"text\":\"\\uD800\"} 😀"}
        """;

    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-30T22:00:00+01:00", CultureInfo.InvariantCulture);

    [Fact]
    public void SerializeCompact_ShouldWriteEachMessageExactlyAsBefore()
    {
        Assert.Equal(MentionJson, SocialBotJson.SerializeCompact(Mention()));
        Assert.Equal(TicketJson, SocialBotJson.SerializeCompact(Ticket()));
        Assert.Equal(ReplyJson, SocialBotJson.SerializeCompact(Reply()));
        Assert.Equal(NoticeJson, SocialBotJson.SerializeCompact(Notice()));
        Assert.Equal(PoisonJson, SocialBotJson.SerializeCompact(Poison()));
    }

    [Fact]
    public void Messages_ShouldWriteTheSameJsonAsOptions()
    {
        Assert.Equal(MentionJson, JsonSerializer.Serialize(Mention(), SocialBotJson.Messages.Mention));
        Assert.Equal(TicketJson, JsonSerializer.Serialize(Ticket(), SocialBotJson.Messages.HandoffTicket));
        Assert.Equal(ReplyJson, JsonSerializer.Serialize(Reply(), SocialBotJson.Messages.OutgoingReply));
        Assert.Equal(NoticeJson, JsonSerializer.Serialize(Notice(), SocialBotJson.Messages.EscalationNotice));
        Assert.Equal(PoisonJson, JsonSerializer.Serialize(Poison(), SocialBotJson.Messages.PoisonMessage));
    }

    [Theory]
    [InlineData(typeof(Mention))]
    [InlineData(typeof(OutgoingReply))]
    [InlineData(typeof(HandoffTicket))]
    [InlineData(typeof(EscalationNotice))]
    [InlineData(typeof(PoisonMessage))]
    [InlineData(typeof(List<HandoffAuditEntry>))]
    [InlineData(typeof(List<RecentMention>))]
    public void Options_ShouldResolveOurMessagesFromTheSourceGeneratedContext(Type type)
    {
        Assert.IsType<SocialBotJsonContext>(SocialBotJson.Options.GetTypeInfo(type).OriginatingResolver);
        Assert.IsType<SocialBotJsonContext>(SocialBotJson.Indented.GetTypeInfo(type).OriginatingResolver);
    }

    [Fact]
    public void Deserialize_ShouldReadMessagesAlreadyOnTheQueues()
    {
        Assert.Equal(TicketJson, Reserialize(TicketJson, SocialBotJson.Messages.HandoffTicket));
        Assert.Equal(ReplyJson, Reserialize(ReplyJson, SocialBotJson.Messages.OutgoingReply));
        Assert.Equal(NoticeJson, Reserialize(NoticeJson, SocialBotJson.Messages.EscalationNotice));
        Assert.Equal(PoisonJson, Reserialize(PoisonJson, SocialBotJson.Messages.PoisonMessage));
        var mention = new MentionParser(new ChannelCatalog()).Parse(MentionJson);
        Assert.True(mention.IsValid, mention.Describe());
        Assert.Equal("Dana 🌸", mention.Mention!.Author.Name);
    }

    [Fact]
    public void Deserialize_ShouldReadTheOlderShape_WithEscapedSurrogatePairsAndPascalCaseEnums()
    {
        // Arrange: what SocialBot wrote before emoji were kept as characters, with enum names as C# spells them.
        var older = """
            {"replyId":"twitter/m1/acknowledgement","mentionId":"m1","channel":"twitter","conversationId":"c1","kind":"Acknowledgement",
             "text":"thanks \uD83D\uDE00 and a typed \\uD83D","createdAt":"2026-11-30T22:00:00+01:00","isPublic":true,"agentName":null,
             "conversationReference":null,"networkReference":{"tweetId":"1"},"somethingNew":42}
            """;
        var notice = """{"handoffId":"twitter/m1","priority":"Urgent","channel":"twitter","dueBy":null,"reasons":["r"],"arrivedAfterHours":true}""";

        // Act
        var reply = JsonSerializer.Deserialize(older, SocialBotJson.Messages.OutgoingReply)!;
        var parsedNotice = JsonSerializer.Deserialize<EscalationNotice>(notice, SocialBotJson.Options)!;

        // Assert
        Assert.Equal(ReplyKind.Acknowledgement, reply.Kind);
        Assert.Equal("thanks 😀 and a typed \\uD83D", reply.Text);
        Assert.Equal("1", reply.NetworkReference!["tweetId"]);
        Assert.Equal(HandoffPriority.Urgent, parsedNotice.Priority);
        Assert.Null(parsedNotice.OnCall);
    }

    [Fact]
    public void SerializeCompact_ShouldWriteValidJson_WhenTextHasLoneSurrogates()
    {
        // Arrange: built at run time (a lone surrogate in an attribute argument does not survive compilation).
        var cases = new (string Text, string Expected)[]
        {
            ($"lone high {(char)0xD800} in the middle", "lone high \uFFFD in the middle"),
            ($"lone low {(char)0xDC00} in the middle", "lone low \uFFFD in the middle"),
            ($"reversed pair {(char)0xDE00}{(char)0xD83D}", "reversed pair \uFFFD\uFFFD"),
            ($"ends on a high surrogate 😀{(char)0xD83D}", "ends on a high surrogate 😀\uFFFD"),
            ($"{(char)0xDFFF}", "\uFFFD"),
        };
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        foreach (var (text, expected) in cases)
        {
            // Act
            var json = SocialBotJson.SerializeCompact(Notice() with { Text = text, OnCall = text });

            // Assert: strict UTF-8 (a lone surrogate cannot be encoded), valid JSON, replacement characters for the strays.
            var parsed = JsonSerializer.Deserialize(strict.GetBytes(json), SocialBotJson.Messages.EscalationNotice)!;
            Assert.Equal(expected, parsed.Text);
            Assert.Equal(expected, parsed.OnCall);
        }
    }

    [Fact]
    public void SerializeCompact_ShouldKeepEveryOddUnicodeCorpusCaseAsValidJson()
    {
        // Arrange: the bad-input corpus (tests/SocialBot.Functions.Tests/BadInputCorpus) as a poison envelope carries it,
        // and the text and names of every case that parses, as a ticket carries them.
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var parser = new MentionParser(new ChannelCatalog());
        var cases = CorpusBodies();
        var parsedMentions = 0;

        foreach (var (name, body) in cases)
        {
            // Act
            var poison = SocialBotJson.SerializeCompact(Poison() with { Message = body });

            // Assert
            var read = JsonSerializer.Deserialize(strict.GetBytes(poison), SocialBotJson.Messages.PoisonMessage)!;
            Assert.True(ReplaceLoneSurrogates(body) == read.Message, name);
            var result = parser.Parse(body);
            if (result.IsValid)
            {
                parsedMentions++;
                var ticket = SocialBotJson.SerializeCompact(Ticket() with { Mention = result.Mention! });
                var mention = JsonSerializer.Deserialize(strict.GetBytes(ticket), SocialBotJson.Messages.HandoffTicket)!.Mention;
                Assert.True(result.Mention!.Text == mention.Text, name);
                Assert.True(result.Mention.Author.Name == mention.Author.Name, name);
                Assert.True(parser.Parse(JsonNode.Parse(ticket)!["mention"]!.ToJsonString()).IsValid, name);
            }
        }

        Assert.True(cases.Count >= 100, $"only {cases.Count} corpus cases");
        Assert.True(parsedMentions >= 20, $"only {parsedMentions} corpus cases parsed as mentions");
    }

    [Fact]
    public void SerializeCompact_ShouldCostFourBytesPerEmoji()
    {
        var json = SocialBotJson.SerializeCompact(Notice() with { Text = string.Concat(Enumerable.Repeat("👩‍👩‍👧", 100)), OnCall = null });

        Assert.Equal(
            Encoding.UTF8.GetByteCount(SocialBotJson.SerializeCompact(Notice() with { Text = "", OnCall = null })) + (100 * ((3 * 4) + (2 * 3))),
            Encoding.UTF8.GetByteCount(json));
    }

    private static string Reserialize<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Serialize(JsonSerializer.Deserialize(json, typeInfo)!, typeInfo);

    private static string ReplaceLoneSurrogates(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in EnumerateRunesOrReplacement(text))
        {
            builder.Append(rune);
        }

        return builder.ToString();
    }

    private static IEnumerable<string> EnumerateRunesOrReplacement(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                yield return text.Substring(i++, 2);
            }
            else
            {
                yield return char.IsSurrogate(text[i]) ? "\uFFFD" : text[i].ToString();
            }
        }
    }

    private static List<(string Name, string Body)> CorpusBodies()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SocialBot.sln")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, $"No folder containing SocialBot.sln above {AppContext.BaseDirectory}.");
        var path = Path.Combine(directory.FullName, "tests", "SocialBot.Functions.Tests", "BadInputCorpus", "corpus.jsonl");
        var bodies = new List<(string, string)>();
        foreach (var line in File.ReadLines(path).Where(line => line.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var name = root.GetProperty("name").GetString()!;
            if (root.TryGetProperty("bytesBase64", out var raw))
            {
                bodies.Add((name, Encoding.UTF8.GetString(Convert.FromBase64String(raw.GetString()!))));
            }
            else if (root.TryGetProperty("json", out var json) && !root.TryGetProperty("repeat", out _))
            {
                bodies.Add((name, json.GetString()!));
            }
        }

        return bodies;
    }

    private static Mention Mention() => new()
    {
        Id = "m1",
        Channel = "twitter",
        ConversationId = "c1",
        Author = new MentionAuthor { Id = "a1", Handle = "dana", Name = "Dana 🌸" },
        Text = OddText,
        ReceivedAt = At,
        ConversationReference = new ConversationReference
        {
            ServiceUrl = "https://x.example/",
            User = new ChannelAccount { Id = "u1", Name = "U" },
            Conversation = new ConversationAccount { Id = "c1", IsGroup = false },
        },
        NetworkReference = new Dictionary<string, string> { ["tweetId"] = "1" },
    };

    private static HandoffTicket Ticket() => new()
    {
        Id = "twitter/m1",
        Mention = Mention(),
        Priority = HandoffPriority.Urgent,
        Reasons = ["negative", "waiting: \"still\""],
        DueBy = At.AddHours(2),
        Sentiment = new SentimentResult { Label = SentimentLabel.Negative, Score = -0.5, Analyzer = "lexicon", Cues = ["waiting"] },
        Acknowledgement = "ack 🙏",
        ArrivedAfterHours = true,
        HandedOffAt = At,
        Trace = ["t1"],
    };

    private static OutgoingReply Reply() => new()
    {
        ReplyId = "twitter/m1/acknowledgement",
        MentionId = "m1",
        Channel = "twitter",
        ConversationId = "c1",
        Kind = ReplyKind.Acknowledgement,
        Text = OddText,
        CreatedAt = At,
        NetworkReference = new Dictionary<string, string> { ["tweetId"] = "1" },
    };

    private static EscalationNotice Notice() => new()
    {
        HandoffId = "twitter/m1",
        Priority = HandoffPriority.Normal,
        Channel = "twitter",
        Reasons = ["r"],
        ArrivedAfterHours = false,
        OnCall = "Sam",
        Text = OddText,
    };

    private static PoisonMessage Poison() => new()
    {
        Reason = "text: bad",
        Queue = "mentions",
        DequeueCount = 1,
        PoisonedAt = At,
        Message = "{\"text\":\"\\uD800\"} 😀",
    };
}
