using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using SocialBot.Core.Mentions;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;
using SocialBot.Core.Serialization;
using SocialBot.Core.Triage;

namespace SocialBot.Benchmarks;

/// <summary>
/// The queue messages SocialBot writes and reads most: a handoff ticket serialized compactly (with and without emoji in
/// the customer's text) and a reply read back from the <c>replies</c> queue. The <c>Legacy…</c> methods are the
/// serializer SocialBot had before the source-generated context (reflection, the relaxed encoder, then a regex that turned
/// escaped surrogate pairs back into characters), kept here so one run compares both on the same machine.
/// Not sealed: BenchmarkDotNet derives from benchmark classes.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public partial class SerializationBenchmarks
{
    private const string Plain = "@ContosoCare been on hold for 2 hours and still no update on my refund. Where is my money? Order 4471, charged twice.";

    private const string WithEmoji = "@ContosoCare 😡😡 been on hold for 2 hours 📞 and still no update on my refund 💸. Where is my money? 🙄 Order 4471 🎉";

    private HandoffTicket _plainTicket = null!;

    private HandoffTicket _emojiTicket = null!;

    private string _replyJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plainTicket = Ticket(Plain);
        _emojiTicket = Ticket(WithEmoji);
        _replyJson = SocialBotJson.SerializeCompact(new OutgoingReply
        {
            ReplyId = "twitter/1790000000000000001/acknowledgement",
            MentionId = "1790000000000000001",
            Channel = "twitter",
            ConversationId = "1790000000000000001",
            Kind = ReplyKind.Acknowledgement,
            Text = "Hi Dana 👋 sorry about the wait with your refund. The team is back Monday at 9:00 AM ET; email care@contoso.example 📧",
            CreatedAt = DateTimeOffset.Parse("2026-11-30T22:00:00+00:00", CultureInfo.InvariantCulture),
            NetworkReference = new Dictionary<string, string> { ["tweetId"] = "1790000000000000001" },
        });
    }

    [Benchmark(Baseline = true)]
    public string SerializeTicket_Plain() => SocialBotJson.SerializeCompact(_plainTicket);

    [Benchmark]
    public string SerializeTicket_Emoji() => SocialBotJson.SerializeCompact(_emojiTicket);

    [Benchmark]
    public OutgoingReply? DeserializeReply() => JsonSerializer.Deserialize<OutgoingReply>(_replyJson, SocialBotJson.Options);

    [Benchmark]
    public string LegacySerializeTicket_Plain() => Legacy.SerializeCompact(_plainTicket);

    [Benchmark]
    public string LegacySerializeTicket_Emoji() => Legacy.SerializeCompact(_emojiTicket);

    [Benchmark]
    public OutgoingReply? LegacyDeserializeReply() => JsonSerializer.Deserialize<OutgoingReply>(_replyJson, Legacy.Options);

    private static HandoffTicket Ticket(string text) => new()
    {
        Id = "twitter/1790000000000000001",
        Mention = new Mention
        {
            Id = "1790000000000000001",
            Channel = "twitter",
            ConversationId = "1790000000000000001",
            Author = new MentionAuthor { Id = "42", Handle = "dana_k", Name = "Dana Kim" },
            Text = text,
            ReceivedAt = DateTimeOffset.Parse("2026-11-30T21:59:58+00:00", CultureInfo.InvariantCulture),
            NetworkReference = new Dictionary<string, string> { ["tweetId"] = "1790000000000000001" },
        },
        Priority = HandoffPriority.Urgent,
        Reasons = ["negative sentiment", "waiting: \"still no update\""],
        DueBy = DateTimeOffset.Parse("2026-12-01T10:00:00+00:00", CultureInfo.InvariantCulture),
        ArrivedAfterHours = true,
        HandedOffAt = DateTimeOffset.Parse("2026-11-30T22:00:00+00:00", CultureInfo.InvariantCulture),
        Trace = ["closed: outside staffed hours", "sentiment: negative (lexicon, -0.62)", "handoff: urgent"],
    };

    /// <summary>The former <c>SocialBotJson</c>: reflection metadata, relaxed escaping, a regex for emoji.</summary>
    private static partial class Legacy
    {
        public static readonly JsonSerializerOptions Options = CreateOptions();

        public static string SerializeCompact<T>(T value)
        {
            var json = JsonSerializer.Serialize(value, Options);
            return json.Contains("\\uD", StringComparison.OrdinalIgnoreCase) ? EscapedSurrogatePair().Replace(json, UnescapePair) : json;
        }

        private static string UnescapePair(Match match)
        {
            var high = (char)Convert.ToInt32(match.Groups[1].Value, 16);
            var low = (char)Convert.ToInt32(match.Groups[2].Value, 16);
            return new string([high, low]);
        }

        [GeneratedRegex(@"(?<=(?:^|[^\\])(?:\\\\)*)\\u(D[89ABab][0-9A-Fa-f]{2})\\u(D[C-Fc-f][0-9A-Fa-f]{2})", RegexOptions.CultureInvariant)]
        private static partial Regex EscapedSurrogatePair();

        private static JsonSerializerOptions CreateOptions()
        {
            var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                DefaultIgnoreCondition = JsonIgnoreCondition.Never,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            };
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            options.MakeReadOnly();
            return options;
        }
    }
}
