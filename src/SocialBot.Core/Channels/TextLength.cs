using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialBot.Core.Channels;

/// <summary>Length counting the way platforms count.</summary>
public static partial class TextLength
{
    private const int TwitterUrlLength = 23;

    /// <summary>
    /// X/Twitter's weighted length (twitter-text v3 configuration): code points in U+0000–U+10FF, U+2000–U+200D,
    /// U+2010–U+201F and U+2032–U+2037 weigh 1, every other code point weighs 2, an emoji (with its modifiers and joiners)
    /// weighs 2 in all, and a URL counts as 23 whatever its length. The text is NFC-normalised first.
    /// </summary>
    public static int TwitterWeighted(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormC);
        var length = 0;
        var position = 0;
        foreach (Match url in UrlPattern().Matches(normalized))
        {
            length += WeighSpan(normalized.AsSpan(position, url.Index - position)) + TwitterUrlLength;
            position = url.Index + url.Length;
        }

        return length + WeighSpan(normalized.AsSpan(position));
    }

    /// <summary>User-perceived characters.</summary>
    public static int Graphemes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            count++;
        }

        return count;
    }

    private static int WeighSpan(ReadOnlySpan<char> span)
    {
        var weight = 0;
        var index = 0;
        while (index < span.Length)
        {
            var elementLength = StringInfo.GetNextTextElementLength(span[index..]);
            var element = span.Slice(index, elementLength);
            weight += IsEmoji(element) ? 2 : WeighCodePoints(element);
            index += elementLength;
        }

        return weight;
    }

    private static int WeighCodePoints(ReadOnlySpan<char> element)
    {
        var weight = 0;
        foreach (var rune in element.EnumerateRunes())
        {
            var value = rune.Value;
            var light = value <= 0x10FF
                || (value >= 0x2000 && value <= 0x200D)
                || (value >= 0x2010 && value <= 0x201F)
                || (value >= 0x2032 && value <= 0x2037);
            weight += light ? 1 : 2;
        }

        return weight;
    }

    private static bool IsEmoji(ReadOnlySpan<char> element)
    {
        foreach (var rune in element.EnumerateRunes())
        {
            var value = rune.Value;
            if ((value >= 0x1F000 && value <= 0x1FAFF) // pictographs, emoticons, transport, supplemental symbols
                || (value >= 0x2600 && value <= 0x27BF) // miscellaneous symbols and dingbats
                || value == 0xFE0F // emoji presentation selector
                || value == 0x200D) // zero-width joiner inside a sequence
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\bhttps?://[^\s]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
