using System.Text;

namespace SocialBot.Azure.Storage;

/// <summary>
/// Encodes and decodes queue message bodies the way host.json's <c>extensions.queues.messageEncoding</c> says:
/// <c>base64</c> (the Functions default) or <c>none</c>. Decoding is strict, so a message that is not valid base64 or
/// not valid UTF-8 fails with a reason instead of turning into garbage.
/// </summary>
public sealed class QueueMessageCodec
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public QueueMessageCodec(bool base64)
    {
        Base64 = base64;
    }

    public bool Base64 { get; }

    /// <summary>The largest message Azure Storage queues accept, as sent (after encoding): 64 KiB.</summary>
    public const int MaxEncodedLength = 64 * 1024;

    /// <summary>Whether the text, once encoded, fits in one queue message.</summary>
    public bool Fits(string text) => EncodedLength(text) <= MaxEncodedLength;

    /// <summary>How many more UTF-8 bytes of JSON string content fit beside <paramref name="text"/> (escapes and encoding allowed for).</summary>
    public int RoomFor(string text)
    {
        var free = MaxEncodedLength - EncodedLength(text);
        var bytes = Base64 ? free / 4 * 3 : free;
        return Math.Max(0, bytes - 512);
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxUtf8Bytes"/> bytes of UTF-8 (counting JSON escapes pessimistically), on a character boundary.</summary>
    public static string Truncate(string text, int maxUtf8Bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Marker = " … [cut]";
        var budget = maxUtf8Bytes - Marker.Length;
        var used = 0;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var cost = rune.Value < 0x20 || rune.Value is '"' or '\\' ? 6 : rune.Utf8SequenceLength;
            if (used + cost > budget)
            {
                return text[..index] + Marker;
            }

            used += cost;
            index += rune.Utf16SequenceLength;
        }

        return text;
    }

    private int EncodedLength(string text)
    {
        var bytes = StrictUtf8.GetByteCount(text);
        return Base64 ? (bytes + 2) / 3 * 4 : bytes;
    }

    public string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Base64 ? Convert.ToBase64String(StrictUtf8.GetBytes(text)) : text;
    }

    /// <summary>The message text, or null with the reason when the body cannot be decoded.</summary>
    public string? TryDecode(string body, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(body);
        problem = null;
        if (!Base64)
        {
            return body;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(body);
        }
        catch (FormatException)
        {
            problem = "the message is not valid base64 (host.json messageEncoding is base64)";
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            problem = "the message is not valid UTF-8";
            return null;
        }
    }
}
