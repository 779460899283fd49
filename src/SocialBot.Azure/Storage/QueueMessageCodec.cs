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
