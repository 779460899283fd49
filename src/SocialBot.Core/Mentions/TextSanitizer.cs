using System.Globalization;
using System.Text;

namespace SocialBot.Core.Mentions;

/// <summary>Makes untrusted text safe to store, analyse and quote.</summary>
public static class TextSanitizer
{
    /// <summary>
    /// NFC-normalises and removes C0/C1 control characters other than tab and line breaks, and the Unicode bidi
    /// embedding, override and isolate controls (which can reorder what an agent sees). Zero-width joiners stay: emoji need them.
    /// </summary>
    public static string CleanText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        StringBuilder? builder = null;
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            var drop = IsDroppedControl(c);
            if (drop && builder is null)
            {
                builder = new StringBuilder(normalized.Length);
                builder.Append(normalized, 0, i);
            }

            if (!drop)
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? normalized;
    }

    /// <summary>
    /// A display name or handle made fit to greet someone with in public: no control, format or zero-width characters,
    /// no template braces, markup, @-mentions of others or links, whitespace collapsed, at most <paramref name="maxLength"/>
    /// user-perceived characters. Returns null when nothing usable is left.
    /// </summary>
    public static string? CleanName(string? name, int maxLength = 30)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var builder = new StringBuilder(name.Length);
        var lastWasSpace = false;
        foreach (var rune in name.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            if (rune.Value is '{' or '}' or '<' or '>' or '[' or ']' or '`' or '\\' or '*' or '|')
            {
                continue;
            }

            if (Rune.IsWhiteSpace(rune))
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(rune.ToString());
            lastWasSpace = false;
        }

        var cleaned = builder.ToString().Trim();
        if (cleaned.Length == 0
            || cleaned.Contains("://", StringComparison.Ordinal)
            || cleaned.Contains("www.", StringComparison.OrdinalIgnoreCase)
            || cleaned.Contains('@', StringComparison.Ordinal) && !cleaned.StartsWith('@')
            || cleaned.Count(c => c == '@') > 1
            || !cleaned.Any(char.IsLetter))
        {
            return null;
        }

        var elements = StringInfo.GetTextElementEnumerator(cleaned);
        var result = new StringBuilder();
        var count = 0;
        while (elements.MoveNext() && count < maxLength)
        {
            result.Append(elements.GetTextElement());
            count++;
        }

        return result.ToString().Trim();
    }

    /// <summary>
    /// <paramref name="text"/> when it has at most <paramref name="maxLength"/> UTF-16 units; otherwise its start and
    /// "…", together <paramref name="maxLength"/> units at most, never ending in half a surrogate pair.
    /// </summary>
    public static string Shorten(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    /// <summary>True when the string has a lone (unpaired) UTF-16 surrogate, i.e. is not valid Unicode.</summary>
    public static bool HasUnpairedSurrogate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDroppedControl(char c) =>
        (c < 0x20 && c is not '\t' and not '\n' and not '\r')
        || (c >= 0x7F && c <= 0x9F)
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == '\uFEFF';
}
