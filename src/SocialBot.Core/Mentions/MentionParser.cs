using System.Globalization;
using System.Text.Json;
using SocialBot.Core.Channels;

namespace SocialBot.Core.Mentions;

/// <summary>
/// Reads and validates the Mention wire format (docs/message-formats.md). Every problem names the field and what is
/// wrong with its value; unknown fields are ignored so ingesters can add their own.
/// </summary>
public sealed class MentionParser
{
    /// <summary>Longest accepted text, in Unicode characters (code points).</summary>
    public const int MaxTextLength = 10_000;

    private const int MaxIdLength = 512;
    private const int MaxNameLength = 256;
    private const int MaxNetworkReferenceEntries = 16;

    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ChannelCatalog _channels;

    public MentionParser(ChannelCatalog channels)
    {
        _channels = channels;
    }

    public MentionParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            return Fail("$", "the message is empty");
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
            return Parse(document.RootElement);
        }
        catch (JsonException exception)
        {
            return Fail("$", $"not valid JSON ({FirstSentence(exception.Message)})");
        }
    }

    public MentionParseResult Parse(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = 32 });
            return Parse(document.RootElement);
        }
        catch (JsonException exception)
        {
            return Fail("$", $"not valid JSON ({FirstSentence(exception.Message)})");
        }
        catch (ArgumentException exception)
        {
            return Fail("$", $"not valid UTF-8 ({FirstSentence(exception.Message)})");
        }
    }

    public MentionParseResult Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail("$", $"expected a JSON object, got {Describe(root.ValueKind)}");
        }

        var problems = new List<MentionProblem>();
        var id = RequiredString(root, "id", "id", MaxIdLength, problems);
        var channelName = RequiredString(root, "channel", "channel", 64, problems);
        ChannelProfile? channel = null;
        if (channelName is not null && !_channels.TryGet(channelName, out channel))
        {
            problems.Add(new("channel", $"'{Shorten(channelName)}' is not a known channel (known: {string.Join(", ", _channels.Names)}; add others under SocialBot:Channels)"));
        }

        var conversationId = RequiredString(root, "conversationId", "conversationId", 1024, problems);
        var author = ReadAuthor(root, problems);
        var text = ReadText(root, problems);
        var receivedAt = ReadTimestamp(root, problems);
        var isPublic = OptionalBool(root, "isPublic", "isPublic", problems);
        var direct = OptionalBool(root, "direct", "direct", problems);
        var inReplyTo = OptionalString(root, "inReplyTo", "inReplyTo", MaxIdLength, problems);
        var reference = ReadConversationReference(root, problems);
        var networkReference = ReadNetworkReference(root, problems);

        if (problems.Count > 0 || id is null || channel is null || conversationId is null || author is null || text is null || receivedAt is null)
        {
            return MentionParseResult.Invalid(problems);
        }

        return MentionParseResult.Valid(new Mention
        {
            Id = id,
            Channel = channel.Name,
            ConversationId = conversationId,
            Author = author,
            Text = text,
            ReceivedAt = receivedAt.Value,
            IsPublic = isPublic ?? channel.IsPublicByDefault,
            Direct = direct ?? true,
            InReplyTo = inReplyTo,
            ConversationReference = reference,
            NetworkReference = networkReference,
        });
    }

    private static MentionAuthor? ReadAuthor(JsonElement root, List<MentionProblem> problems)
    {
        if (!TryGetProperty(root, "author", out var author) || author.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new("author", "is required"));
            return null;
        }

        if (author.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new("author", $"expected an object with id, handle, name and isBot, got {Describe(author.ValueKind)}"));
            return null;
        }

        var id = RequiredString(author, "id", "author.id", MaxIdLength, problems);
        var handle = OptionalString(author, "handle", "author.handle", MaxNameLength, problems);
        var name = OptionalString(author, "name", "author.name", MaxNameLength, problems);
        var isBot = OptionalBool(author, "isBot", "author.isBot", problems);
        return id is null ? null : new MentionAuthor { Id = id, Handle = handle, Name = name, IsBot = isBot ?? false };
    }

    private static string? ReadText(JsonElement root, List<MentionProblem> problems)
    {
        if (!TryGetProperty(root, "text", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new("text", "is required (it may be empty)"));
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            problems.Add(new("text", $"expected a string, got {Describe(element.ValueKind)}"));
            return null;
        }

        var raw = TryGetString(element);
        if (raw is null || TextSanitizer.HasUnpairedSurrogate(raw))
        {
            problems.Add(new("text", "is not valid Unicode (it has an unpaired surrogate)"));
            return null;
        }

        var length = CountCodePoints(raw);
        if (length > MaxTextLength)
        {
            problems.Add(new("text", $"is {length.ToString("N0", CultureInfo.InvariantCulture)} characters long; the limit is {MaxTextLength.ToString("N0", CultureInfo.InvariantCulture)}"));
            return null;
        }

        return TextSanitizer.CleanText(raw);
    }

    private static DateTimeOffset? ReadTimestamp(JsonElement root, List<MentionProblem> problems)
    {
        var raw = RequiredString(root, "receivedAt", "receivedAt", 64, problems);
        if (raw is null)
        {
            return null;
        }

        if (!Timestamps.TryParseWithOffset(raw, out var value))
        {
            problems.Add(new("receivedAt", $"'{Shorten(raw)}' is not an ISO 8601 timestamp with an offset (e.g. 2026-11-23T21:15:00-05:00)"));
            return null;
        }

        if (value < Earliest || value >= Latest)
        {
            problems.Add(new("receivedAt", $"'{Shorten(raw)}' is outside the years 2000 to 2099"));
            return null;
        }

        return value;
    }

    private static ConversationReference? ReadConversationReference(JsonElement root, List<MentionProblem> problems)
    {
        if (!TryGetProperty(root, "conversationReference", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new("conversationReference", $"expected an object or null, got {Describe(element.ValueKind)}"));
            return null;
        }

        var serviceUrl = OptionalString(element, "serviceUrl", "conversationReference.serviceUrl", 2048, problems);
        if (serviceUrl is not null
            && (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            problems.Add(new("conversationReference.serviceUrl", $"'{Shorten(serviceUrl)}' is not an absolute http(s) URL"));
        }

        return new ConversationReference
        {
            ServiceUrl = serviceUrl,
            ActivityId = OptionalString(element, "activityId", "conversationReference.activityId", MaxIdLength, problems),
            ChannelId = OptionalString(element, "channelId", "conversationReference.channelId", 64, problems),
            Bot = ReadAccount(element, "bot", "conversationReference.bot", problems),
            User = ReadAccount(element, "user", "conversationReference.user", problems),
            Conversation = ReadConversation(element, problems),
        };
    }

    /// <summary>A flat object of short strings: what a network's reply channel needs (opaque to Core).</summary>
    private static Dictionary<string, string>? ReadNetworkReference(JsonElement root, List<MentionProblem> problems)
    {
        if (!TryGetProperty(root, "networkReference", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new("networkReference", $"expected an object of strings or null, got {Describe(element.ValueKind)}"));
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (values.Count == MaxNetworkReferenceEntries)
            {
                problems.Add(new("networkReference", $"has more than {MaxNetworkReferenceEntries} entries"));
                return null;
            }

            if (property.Name.Length is 0 or > 64)
            {
                problems.Add(new("networkReference", $"'{Shorten(property.Name)}' is not a key of 1 to 64 characters"));
                continue;
            }

            var path = $"networkReference.{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.String)
            {
                problems.Add(new(path, $"expected a string, got {Describe(property.Value.ValueKind)}"));
                continue;
            }

            var value = property.Value.GetString() ?? "";
            if (value.Length > 2048)
            {
                problems.Add(new(path, "is longer than 2048 characters"));
                continue;
            }

            values[property.Name] = value;
        }

        return values;
    }

    private static ChannelAccount? ReadAccount(JsonElement parent, string name, string path, List<MentionProblem> problems)
    {
        if (!TryGetProperty(parent, name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(path, $"expected an object or null, got {Describe(element.ValueKind)}"));
            return null;
        }

        var id = RequiredString(element, "id", $"{path}.id", MaxIdLength, problems);
        var display = OptionalString(element, "name", $"{path}.name", MaxNameLength, problems);
        return id is null ? null : new ChannelAccount { Id = id, Name = display };
    }

    private static ConversationAccount? ReadConversation(JsonElement parent, List<MentionProblem> problems)
    {
        const string Path = "conversationReference.conversation";
        if (!TryGetProperty(parent, "conversation", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(Path, $"expected an object or null, got {Describe(element.ValueKind)}"));
            return null;
        }

        var id = RequiredString(element, "id", $"{Path}.id", 1024, problems);
        return id is null
            ? null
            : new ConversationAccount
            {
                Id = id,
                Name = OptionalString(element, "name", $"{Path}.name", MaxNameLength, problems),
                IsGroup = OptionalBool(element, "isGroup", $"{Path}.isGroup", problems),
                ConversationType = OptionalString(element, "conversationType", $"{Path}.conversationType", 64, problems),
                TenantId = OptionalString(element, "tenantId", $"{Path}.tenantId", 128, problems),
            };
    }

    private static string? RequiredString(JsonElement parent, string name, string path, int maxLength, List<MentionProblem> problems)
    {
        if (!TryGetProperty(parent, name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new(path, "is required"));
            return null;
        }

        var value = StringValue(element, path, maxLength, problems);
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(path, "must not be empty"));
            return null;
        }

        return value?.Trim();
    }

    private static string? OptionalString(JsonElement parent, string name, string path, int maxLength, List<MentionProblem> problems)
    {
        if (!TryGetProperty(parent, name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var value = StringValue(element, path, maxLength, problems);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static string? StringValue(JsonElement element, string path, int maxLength, List<MentionProblem> problems)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            problems.Add(new(path, $"expected a string, got {Describe(element.ValueKind)}"));
            return null;
        }

        var value = TryGetString(element);
        if (value is null || TextSanitizer.HasUnpairedSurrogate(value))
        {
            problems.Add(new(path, "is not valid Unicode (it has an unpaired surrogate)"));
            return null;
        }

        if (value.Length > maxLength)
        {
            problems.Add(new(path, $"is {value.Length} characters long; the limit is {maxLength}"));
            return null;
        }

        if (value.Any(char.IsControl))
        {
            problems.Add(new(path, "contains control characters"));
            return null;
        }

        return value;
    }

    private static bool? OptionalBool(JsonElement parent, string name, string path, List<MentionProblem> problems)
    {
        if (!TryGetProperty(parent, name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        problems.Add(new(path, $"expected true or false, got {Describe(element.ValueKind)}"));
        return null;
    }

    /// <summary>The string value, or null when its escapes encode invalid UTF-16 (a lone surrogate such as \ud800).</summary>
    private static string? TryGetString(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool TryGetProperty(JsonElement parent, string name, out JsonElement value)
    {
        if (parent.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in parent.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }

    private static int CountCodePoints(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsLowSurrogate(c))
            {
                count++;
            }
        }

        return count;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Shorten(string value)
    {
        var visible = new string(value.Where(c => !char.IsControl(c)).Take(40).ToArray());
        return value.Length > 40 ? visible + "…" : visible;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }

    private static MentionParseResult Fail(string field, string problem) => MentionParseResult.Invalid([new MentionProblem(field, problem)]);
}
