using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SocialBot.Networks.Bluesky;

/// <summary>
/// An <c>app.bsky.feed.post</c> reply: text, creation time, <c>reply.root</c> and <c>reply.parent</c> strong refs, and
/// a mention facet (<c>app.bsky.richtext.facet#mention</c>) over the customer's @handle, whose UTF-8 byte range the
/// facet names.
/// </summary>
public sealed record BlueskyPost
{
    public required string Text { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required StrongRef Root { get; init; }

    public required StrongRef Parent { get; init; }

    /// <summary>The mentioned account: the handle as written in <see cref="Text"/> (with @) and its DID.</summary>
    public (string Handle, string Did)? Mention { get; init; }

    /// <summary>The UTF-8 byte range of the mention in the text, or null when the text does not contain it.</summary>
    public (int Start, int End)? MentionBytes()
    {
        if (Mention is not { } mention)
        {
            return null;
        }

        var index = Text.IndexOf(mention.Handle, StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var start = Encoding.UTF8.GetByteCount(Text.AsSpan(0, index));
        return (start, start + Encoding.UTF8.GetByteCount(mention.Handle));
    }

    public void Write(Utf8JsonWriter writer, string repo)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("repo", repo);
        writer.WriteString("collection", "app.bsky.feed.post");
        writer.WriteStartObject("record");
        writer.WriteString("$type", "app.bsky.feed.post");
        writer.WriteString("text", Text);
        writer.WriteString("createdAt", CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        writer.WriteStartObject("reply");
        WriteRef(writer, "root", Root);
        WriteRef(writer, "parent", Parent);
        writer.WriteEndObject();
        if (MentionBytes() is { } bytes && Mention is { } mention)
        {
            writer.WriteStartArray("facets");
            writer.WriteStartObject();
            writer.WriteStartObject("index");
            writer.WriteNumber("byteStart", bytes.Start);
            writer.WriteNumber("byteEnd", bytes.End);
            writer.WriteEndObject();
            writer.WriteStartArray("features");
            writer.WriteStartObject();
            writer.WriteString("$type", "app.bsky.richtext.facet#mention");
            writer.WriteString("did", mention.Did);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteRef(Utf8JsonWriter writer, string name, StrongRef reference)
    {
        writer.WriteStartObject(name);
        writer.WriteString("uri", reference.Uri);
        writer.WriteString("cid", reference.Cid);
        writer.WriteEndObject();
    }
}
