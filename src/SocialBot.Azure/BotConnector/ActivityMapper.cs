using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SocialBot.Core.Mentions;
using SocialBot.Core.Serialization;

namespace SocialBot.Azure.BotConnector;

/// <summary>
/// Turns a Bot Framework Activity into a <see cref="Mention"/> (validated by <see cref="MentionParser"/>), a
/// <see cref="HandoffStatus"/>, or a reason why it is not triaged or is malformed.
/// </summary>
public sealed partial class ActivityMapper
{
    public const string HandoffStatusEventName = "handoff.status";

    /// <summary>
    /// The longest activity text looked at (characters, before the bot's own mention is stripped). Checked before any
    /// parsing, so a crafted text cannot make the mention stripping slow; a Mention's own limit is 10,000.
    /// </summary>
    public const int MaxActivityTextLength = 4 * MentionParser.MaxTextLength;

    /// <summary>The longest <c>handoff.status</c> message kept (characters); longer ones are cut with a marker.</summary>
    public const int MaxHandoffStatusMessageLength = 1_000;

    /// <summary>The longest bot name used to strip the bot's own @mention; a longer one is not looked for.</summary>
    private const int MaxBotNameLength = 256;

    /// <summary>
    /// Channels whose clients post activities themselves (Direct Line, Web Chat, the Emulator): there an event could
    /// come from a customer, so <c>handoff.status</c> is accepted only from a configured hub.
    /// </summary>
    private static readonly HashSet<string> ClientAuthoredChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        "directline", "directlinespeech", "webchat", "emulator",
    };

    /// <summary>Bot Framework channel ids whose SocialBot channel name differs; others are used as they are.</summary>
    private static readonly Dictionary<string, string> ChannelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["directlinespeech"] = "directline",
        ["webchat"] = "webchat",
        ["msteams"] = "msteams",
        ["facebook"] = "facebook",
        ["directline"] = "directline",
        ["slack"] = "slack",
        ["telegram"] = "telegram",
        ["emulator"] = "emulator",
        ["sms"] = "sms",
        ["email"] = "email",
    };

    private readonly MentionParser _parser;
    private readonly string _appId;
    private readonly HashSet<string> _handoffHubs;

    public ActivityMapper(MentionParser parser, IOptions<BotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _parser = parser;
        _appId = options.Value.AppId;
        _handoffHubs = new HashSet<string>(options.Value.HandoffHubIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Maps the activity; never throws for bad input.</summary>
    public ActivityMapResult Map(JsonElement activity)
    {
        if (activity.ValueKind != JsonValueKind.Object)
        {
            return ActivityMapResult.Malformed("$: expected an Activity object");
        }

        var problems = new List<string>();
        var type = Required(activity, "type", problems);
        var channelId = Required(activity, "channelId", problems);
        var conversation = RequiredObject(activity, "conversation", problems);
        var conversationId = conversation is { } c ? Required(c, "id", problems, "conversation.id") : null;
        if (type is null || channelId is null || conversationId is null)
        {
            return ActivityMapResult.Malformed(string.Join("; ", problems));
        }

        if (string.Equals(type, "event", StringComparison.OrdinalIgnoreCase))
        {
            return MapEvent(activity, channelId, conversationId);
        }

        if (!string.Equals(type, "message", StringComparison.OrdinalIgnoreCase))
        {
            return ActivityMapResult.NotTriaged($"activity type '{type}' is not a customer message");
        }

        return MapMessage(activity, channelId, conversation!.Value, conversationId);
    }

    private ActivityMapResult MapEvent(JsonElement activity, string channelId, string conversationId)
    {
        var name = Optional(activity, "name");
        if (!string.Equals(name, HandoffStatusEventName, StringComparison.OrdinalIgnoreCase))
        {
            return ActivityMapResult.NotTriaged($"event '{Http.LogValue.Truncate(name ?? "(no name)")}' is not handled");
        }

        // On Direct Line and Web Chat the customer's own client can post events: only a configured hub may report status.
        var fromId = activity.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object ? Optional(from, "id") : null;
        if (ClientAuthoredChannels.Contains(channelId) && (fromId is null || !_handoffHubs.Contains(fromId)))
        {
            return ActivityMapResult.NotTriaged($"{HandoffStatusEventName} on {Http.LogValue.Truncate(channelId)} is accepted only from a hub in {BotOptions.SectionName}:HandoffHubIds");
        }

        var problems = new List<string>();
        var value = RequiredObject(activity, "value", problems);
        var state = value is { } v ? Required(v, "state", problems, "value.state") : null;
        if (state is null)
        {
            return ActivityMapResult.Malformed(string.Join("; ", problems));
        }

        if (state.Length > 32)
        {
            return ActivityMapResult.Malformed($"value.state: is {state.Length} characters long; the limit is 32");
        }

        var message = Optional(value!.Value, "message");
        if (message is { Length: > MaxHandoffStatusMessageLength })
        {
            message = string.Concat(message.AsSpan(0, MaxHandoffStatusMessageLength - 1), "…");
        }

        return ActivityMapResult.ForHandoffStatus(new HandoffStatus
        {
            ConversationId = conversationId,
            ChannelId = channelId,
            State = state.ToLowerInvariant(),
            Message = message,
        });
    }

    private ActivityMapResult MapMessage(JsonElement activity, string channelId, JsonElement conversation, string conversationId)
    {
        var problems = new List<string>();
        var id = Required(activity, "id", problems);
        var serviceUrl = Required(activity, "serviceUrl", problems);
        var from = RequiredObject(activity, "from", problems);
        var fromId = from is { } f ? Required(f, "id", problems, "from.id") : null;
        var recipient = RequiredObject(activity, "recipient", problems);
        var botId = recipient is { } r ? Required(r, "id", problems, "recipient.id") : null;
        var receivedAt = ReadTimestamp(activity, problems);
        if (id is null || serviceUrl is null || fromId is null || botId is null || receivedAt is null)
        {
            return ActivityMapResult.Malformed(string.Join("; ", problems));
        }

        if (IsOwnAccount(fromId, botId))
        {
            return ActivityMapResult.NotTriaged("the bot's own message");
        }

        var isBot = string.Equals(Optional(from!.Value, "role"), "bot", StringComparison.OrdinalIgnoreCase);
        if (isBot)
        {
            return ActivityMapResult.NotTriaged("sent by another bot");
        }

        var rawText = Optional(activity, "text", trim: false) ?? string.Empty;
        if (rawText.Length > MaxActivityTextLength)
        {
            return ActivityMapResult.Malformed(
                $"text: is {rawText.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; the limit is {MaxActivityTextLength.ToString("N0", CultureInfo.InvariantCulture)} before the bot's mention is removed");
        }

        var botName = Optional(recipient!.Value, "name");
        var mention = new Mention
        {
            Id = id,
            Channel = ChannelNames.TryGetValue(channelId, out var channel) ? channel : channelId.ToLowerInvariant(),
            ConversationId = conversationId,
            Author = new MentionAuthor { Id = fromId, Name = Optional(from.Value, "name"), IsBot = isBot },
            Text = StripOwnMentions(rawText, activity, botId, botName),
            ReceivedAt = receivedAt.Value,
            IsPublic = IsPublic(activity, channelId, conversation),
            InReplyTo = Optional(activity, "replyToId"),
            ConversationReference = new ConversationReference
            {
                ServiceUrl = serviceUrl,
                ActivityId = id,
                ChannelId = channelId,
                Bot = new ChannelAccount { Id = botId, Name = botName },
                User = new ChannelAccount { Id = fromId, Name = Optional(from.Value, "name") },
                Conversation = new ConversationAccount
                {
                    Id = conversationId,
                    Name = Optional(conversation, "name"),
                    IsGroup = OptionalBool(conversation, "isGroup"),
                    ConversationType = Optional(conversation, "conversationType"),
                    TenantId = Optional(conversation, "tenantId"),
                },
            },
        };

        // The Mention format's own rules (lengths, known channel, Unicode) decide what is valid.
        var parsed = _parser.Parse(JsonSerializer.SerializeToUtf8Bytes(mention, SocialBotJson.Options));
        return parsed.IsValid ? ActivityMapResult.ForMention(parsed.Mention!) : ActivityMapResult.Malformed(parsed.Describe());
    }

    private bool IsOwnAccount(string fromId, string botId) =>
        string.Equals(fromId, botId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(fromId, _appId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(fromId, "28:" + _appId, StringComparison.OrdinalIgnoreCase);

    /// <summary>Teams channel posts and Facebook page posts and comments are public; chats are private.</summary>
    private static bool IsPublic(JsonElement activity, string channelId, JsonElement conversation)
    {
        if (string.Equals(channelId, "msteams", StringComparison.OrdinalIgnoreCase))
        {
            return string.Equals(Optional(conversation, "conversationType"), "channel", StringComparison.OrdinalIgnoreCase);
        }

        if (string.Equals(channelId, "facebook", StringComparison.OrdinalIgnoreCase)
            && activity.TryGetProperty("channelData", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            var item = data.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object ? Optional(value, "item") : null;
            return string.Equals(Optional(data, "field"), "feed", StringComparison.OrdinalIgnoreCase)
                || item is "post" or "comment" or "status";
        }

        return false;
    }

    /// <summary>
    /// Removes the bot's own @mention (Teams <c>&lt;at&gt;Bot&lt;/at&gt;</c>, plain <c>@Bot</c>); other people's stay as
    /// <c>@Name</c>. Runs of spaces collapse; line breaks stay.
    /// </summary>
    internal static string StripOwnMentions(string text, JsonElement activity, string botId, string? botName)
    {
        if (activity.TryGetProperty("entities", out var entities) && entities.ValueKind == JsonValueKind.Array)
        {
            foreach (var entity in entities.EnumerateArray())
            {
                if (entity.ValueKind == JsonValueKind.Object
                    && string.Equals(Optional(entity, "type"), "mention", StringComparison.OrdinalIgnoreCase)
                    && entity.TryGetProperty("mentioned", out var mentioned) && mentioned.ValueKind == JsonValueKind.Object
                    && string.Equals(Optional(mentioned, "id"), botId, StringComparison.OrdinalIgnoreCase)
                    && Optional(entity, "text", trim: false) is { Length: > 0 } mentionText)
                {
                    text = text.Replace(mentionText, " ", StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        if (!string.IsNullOrWhiteSpace(botName) && botName.Length <= MaxBotNameLength)
        {
            var name = Regex.Escape(botName.Trim());
            text = Regex.Replace(text, $@"<at>\s*{name}\s*</at>|(?<![\w@])@{name}(?!\w)", " ", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        text = ReplaceAtTags(text);
        text = HorizontalSpace().Replace(text, " ");
        return SpaceAroundLineBreak().Replace(text, "$1").Trim();
    }

    private static DateTimeOffset? ReadTimestamp(JsonElement activity, List<string> problems)
    {
        var raw = Optional(activity, "timestamp") ?? Optional(activity, "localTimestamp");
        if (raw is null)
        {
            problems.Add("timestamp: is required");
            return null;
        }

        if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            problems.Add($"timestamp: '{raw}' is not an ISO 8601 timestamp");
            return null;
        }

        return value;
    }

    private static string? Required(JsonElement parent, string name, List<string> problems, string? path = null)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add($"{path ?? name}: is required");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add($"{path ?? name}: expected a non-empty string");
            return null;
        }

        return value.GetString()!.Trim();
    }

    private static JsonElement? RequiredObject(JsonElement parent, string name, List<string> problems)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add($"{name}: is required");
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{name}: expected an object");
            return null;
        }

        return value;
    }

    internal static string? Optional(JsonElement parent, string name, bool trim = true)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetString();
        return trim ? (string.IsNullOrWhiteSpace(text) ? null : text.Trim()) : text;
    }

    private static bool? OptionalBool(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    /// <summary>
    /// Turns each <c>&lt;at&gt;Name&lt;/at&gt;</c> into <c>@Name</c> in one pass (linear in the text: once no closing
    /// tag follows, no later opening tag can match either).
    /// </summary>
    internal static string ReplaceAtTags(string text)
    {
        const string Open = "<at>";
        const string Close = "</at>";
        var start = text.IndexOf(Open, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        var position = 0;
        while (start >= 0)
        {
            var end = text.IndexOf(Close, start + Open.Length, StringComparison.OrdinalIgnoreCase);
            if (end < 0)
            {
                break;
            }

            builder.Append(text, position, start - position).Append('@').Append(text, start + Open.Length, end - start - Open.Length);
            position = end + Close.Length;
            start = text.IndexOf(Open, position, StringComparison.OrdinalIgnoreCase);
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    [GeneratedRegex(@"[^\S\r\n]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HorizontalSpace();

    [GeneratedRegex(@" ?(\r?\n) ?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpaceAroundLineBreak();
}
