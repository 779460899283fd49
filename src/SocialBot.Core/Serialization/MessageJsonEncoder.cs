using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;

namespace SocialBot.Core.Serialization;

/// <summary>
/// The JSON encoder of every wire SocialBot owns: exactly what <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>
/// writes for characters of the Basic Multilingual Plane (quote, backslash and control characters escaped, HTML
/// characters and accented letters as themselves), but characters outside it (emoji) written as themselves instead of
/// two <c>\uXXXX</c> escapes: 4 bytes of UTF-8 instead of 12, which matters on a 64 KiB queue message. A lone surrogate
/// is not a character: it is never written as itself, so the JSON stays valid UTF-8 whatever a customer sent.
/// </summary>
/// <remarks>Not for HTML or JavaScript contexts (like the relaxed encoder it builds on): only for JSON payloads.</remarks>
internal sealed class MessageJsonEncoder : JavaScriptEncoder
{
    private static readonly JavaScriptEncoder Relaxed = UnsafeRelaxedJsonEscaping;

    private MessageJsonEncoder()
    {
    }

    public static MessageJsonEncoder Instance { get; } = new();

    public override int MaxOutputCharactersPerInputCharacter => Relaxed.MaxOutputCharactersPerInputCharacter;

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar <= char.MaxValue ? Relaxed.WillEncode(unicodeScalar) : !Rune.IsValid(unicodeScalar);

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var offset = 0;
        while (offset < textLength)
        {
            var found = Relaxed.FindFirstCharacterToEncode(text + offset, textLength - offset);
            if (found < 0)
            {
                return -1;
            }

            offset += found;
            if (offset + 1 < textLength && char.IsSurrogatePair(text[offset], text[offset + 1]))
            {
                offset += 2;
                continue;
            }

            return offset;
        }

        return -1;
    }

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        var offset = 0;
        while (offset < utf8Text.Length)
        {
            var found = Relaxed.FindFirstCharacterToEncodeUtf8(utf8Text[offset..]);
            if (found < 0)
            {
                return -1;
            }

            offset += found;
            if (Rune.DecodeFromUtf8(utf8Text[offset..], out var rune, out var consumed) == OperationStatus.Done && !rune.IsBmp)
            {
                offset += consumed;
                continue;
            }

            return offset;
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        if (unicodeScalar <= char.MaxValue || !Rune.IsValid(unicodeScalar))
        {
            return Relaxed.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
        }

        // Only reached by a caller that encodes regardless of WillEncode: the character itself is its encoding.
        return new Rune(unicodeScalar).TryEncodeToUtf16(new Span<char>(buffer, bufferLength), out numberOfCharactersWritten);
    }
}
