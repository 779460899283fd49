using System.Globalization;
using System.Text.Json;
using SocialBot.Core.Mentions;

namespace SocialBot.Networks.Meta;

/// <summary>
/// Turns a (verified) Meta webhook delivery into Mentions: Page <c>feed</c> changes that add a comment, and Instagram
/// <c>comments</c>. Each change is judged on its own: a change that is not a new customer comment is skipped with the
/// reason, a malformed one is refused with the reason (and its raw JSON kept for the poison queue), and neither stops
/// the other changes of the same delivery.
/// </summary>
internal sealed class MetaWebhookParser
{
    private const int MaxIdLength = 128;
    private const int MaxNameLength = 256;
    private const int MaxRawLength = 30_000;

    private readonly MetaOptions _options;
    private readonly TimeProvider _time;

    public MetaWebhookParser(MetaOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>Parses a delivery; throws <see cref="JsonException"/> when the body is not a JSON object with an <c>entry</c> array.</summary>
    public MetaWebhookBatch Parse(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("the body is not a JSON object");
        }

        var objectType = root.TryGetProperty("object", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
        if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("the body has no 'entry' array");
        }

        var batch = new MetaWebhookBatch();
        var entryIndex = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var where = $"entry[{entryIndex}]";
            entryIndex++;
            if (entry.ValueKind != JsonValueKind.Object)
            {
                batch.Refuse(where, "an entry is not a JSON object", Raw(entry));
                continue;
            }

            var accountId = IdOf(entry, "id");
            var entryTime = entry.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out var seconds) ? FromUnix(seconds) : null;
            if (!entry.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
            {
                // Messenger deliveries carry "messaging" instead: those arrive through the Azure Bot channel.
                batch.Skip(where, "no 'changes' (messaging events arrive through the Bot channel)");
                continue;
            }

            var changeIndex = 0;
            foreach (var change in changes.EnumerateArray())
            {
                var at = $"{where}.changes[{changeIndex}]";
                changeIndex++;
                try
                {
                    ParseChange(objectType, accountId, entryTime, change, at, batch);
                }
                catch (MetaPayloadException exception)
                {
                    batch.Refuse(at, exception.Message, Raw(change));
                }
            }
        }

        return batch;
    }

    private void ParseChange(string? objectType, string? accountId, DateTimeOffset? entryTime, JsonElement change, string at, MetaWebhookBatch batch)
    {
        if (change.ValueKind != JsonValueKind.Object)
        {
            throw new MetaPayloadException("a change is not a JSON object");
        }

        var field = change.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        if (!change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
        {
            throw new MetaPayloadException($"the '{Short(field)}' change has no 'value' object");
        }

        switch (objectType, field)
        {
            case ("page", "feed"):
                ParsePageFeed(accountId, entryTime, value, at, batch);
                break;
            case ("instagram", "comments"):
                ParseInstagramComment(accountId, entryTime, value, at, batch);
                break;
            case ("instagram", "mentions"):
                batch.Skip(at, "an @mention carries no text (only media and comment ids); subscribe to comments on your own media");
                break;
            default:
                batch.Skip(at, $"'{Short(objectType)}' field '{Short(field)}' is not triaged");
                break;
        }
    }

    private void ParsePageFeed(string? accountId, DateTimeOffset? entryTime, JsonElement value, string at, MetaWebhookBatch batch)
    {
        var item = StringOf(value, "item");
        var verb = StringOf(value, "verb");
        if (item != "comment")
        {
            batch.Skip(at, $"feed item '{Short(item)}' is not a comment");
            return;
        }

        if (verb != "add")
        {
            batch.Skip(at, $"comment {Short(verb)}: only new comments are triaged");
            return;
        }

        var pageId = accountId ?? _options.PageId ?? throw new MetaPayloadException("the entry has no page id");
        if (pageId != _options.PageId)
        {
            batch.Skip(at, "a comment on another Page than SocialBot:Networks:Meta:PageId");
            return;
        }

        var commentId = RequiredId(value, "comment_id");
        var postId = RequiredId(value, "post_id");
        var from = value.TryGetProperty("from", out var fromElement) && fromElement.ValueKind == JsonValueKind.Object
            ? fromElement
            : throw new MetaPayloadException("comment has no 'from' (the commenter)");
        var authorId = RequiredId(from, "id");
        if (authorId == pageId || authorId == _options.PageId)
        {
            batch.Skip(at, "the Page's own comment");
            return;
        }

        var message = StringOf(value, "message");
        if (string.IsNullOrWhiteSpace(message))
        {
            batch.Skip(at, "comment without text (a photo or sticker only)");
            return;
        }

        var parentId = OptionalId(value, "parent_id");
        var receivedAt = value.TryGetProperty("created_time", out var created) ? TimeOf(created) : null;
        var reference = new Dictionary<string, string>
        {
            [MetaReferenceKeys.Kind] = MetaChannels.Facebook,
            [MetaReferenceKeys.CommentId] = commentId,
            [MetaReferenceKeys.PostId] = postId,
            [MetaReferenceKeys.AccountId] = pageId,
            [MetaReferenceKeys.CommenterId] = authorId,
        };
        var inReplyTo = parentId is not null && parentId != postId ? parentId : null;
        if (inReplyTo is not null)
        {
            reference[MetaReferenceKeys.ParentId] = inReplyTo;
        }

        batch.Add(new Mention
        {
            Id = commentId,
            Channel = MetaChannels.Facebook,
            ConversationId = postId,
            Author = new MentionAuthor { Id = authorId, Name = Name(StringOf(from, "name")) },
            Text = Text(message),
            ReceivedAt = receivedAt ?? entryTime ?? _time.GetUtcNow(),
            IsPublic = true,
            InReplyTo = inReplyTo,
            NetworkReference = reference,
        });
    }

    private void ParseInstagramComment(string? accountId, DateTimeOffset? entryTime, JsonElement value, string at, MetaWebhookBatch batch)
    {
        if (!_options.InstagramEnabled)
        {
            batch.Skip(at, "Instagram is off (SocialBot:Networks:Meta:InstagramAccountId is not set)");
            return;
        }

        var account = accountId ?? _options.InstagramAccountId!;
        if (account != _options.InstagramAccountId)
        {
            batch.Skip(at, "a comment for another Instagram account than SocialBot:Networks:Meta:InstagramAccountId");
            return;
        }

        var commentId = RequiredId(value, "id");
        var from = value.TryGetProperty("from", out var fromElement) && fromElement.ValueKind == JsonValueKind.Object
            ? fromElement
            : throw new MetaPayloadException("comment has no 'from' (the commenter)");
        var authorId = RequiredId(from, "id");
        var mediaId = value.TryGetProperty("media", out var media) && media.ValueKind == JsonValueKind.Object
            ? RequiredId(media, "id")
            : throw new MetaPayloadException("comment has no 'media' (the post it was made on)");
        if (authorId == account || authorId == _options.InstagramAccountId)
        {
            batch.Skip(at, "the account's own comment");
            return;
        }

        var text = StringOf(value, "text");
        if (string.IsNullOrWhiteSpace(text))
        {
            batch.Skip(at, "comment without text");
            return;
        }

        var parentId = OptionalId(value, "parent_id");
        var reference = new Dictionary<string, string>
        {
            [MetaReferenceKeys.Kind] = MetaChannels.Instagram,
            [MetaReferenceKeys.CommentId] = commentId,
            [MetaReferenceKeys.PostId] = mediaId,
            [MetaReferenceKeys.AccountId] = account,
            [MetaReferenceKeys.CommenterId] = authorId,
        };
        if (parentId is not null)
        {
            reference[MetaReferenceKeys.ParentId] = parentId;
        }

        var username = StringOf(from, "username");
        batch.Add(new Mention
        {
            Id = commentId,
            Channel = MetaChannels.Instagram,
            ConversationId = mediaId,
            Author = new MentionAuthor { Id = authorId, Handle = Name(username) },
            Text = Text(text),
            ReceivedAt = entryTime ?? _time.GetUtcNow(),
            IsPublic = true,
            InReplyTo = parentId,
            NetworkReference = reference,
        });
    }

    private static string Text(string text)
    {
        var clean = TextSanitizer.CleanText(text);
        var codePoints = clean.EnumerateRunes().Count();
        return codePoints <= MentionParser.MaxTextLength
            ? clean
            : throw new MetaPayloadException($"comment text is {codePoints} characters; at most {MentionParser.MaxTextLength} are accepted");
    }

    private static string? Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var clean = TextSanitizer.CleanText(name).Trim();
        return clean.Length <= MaxNameLength ? clean : clean[..MaxNameLength];
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An id that Meta sends as a string (sometimes as a number).</summary>
    private static string? IdOf(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var id = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(id) ? null : id;
    }

    private static string RequiredId(JsonElement element, string name)
    {
        var id = IdOf(element, name) ?? throw new MetaPayloadException($"'{name}' is missing");
        return CheckId(id, name);
    }

    private static string? OptionalId(JsonElement element, string name) =>
        IdOf(element, name) is { } id ? CheckId(id, name) : null;

    private static string CheckId(string id, string name)
    {
        if (id.Length > MaxIdLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            throw new MetaPayloadException($"'{name}' is not a Graph id ({Math.Min(id.Length, 9999)} characters of letters, digits and '_' expected)");
        }

        return id;
    }

    /// <summary><c>created_time</c>: unix seconds (Page feed) or an ISO 8601 string.</summary>
    private static DateTimeOffset? TimeOf(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds))
        {
            return FromUnix(seconds);
        }

        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        return null;
    }

    private static DateTimeOffset? FromUnix(long seconds) =>
        seconds is > 946_684_800 and < 4_102_444_800 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static string Raw(JsonElement element)
    {
        var raw = element.GetRawText();
        return raw.Length <= MaxRawLength ? raw : raw[..MaxRawLength];
    }

    private static string Short(string? value) =>
        value is null ? "(none)" : value.Length <= 40 ? value : value[..40] + "…";
}
