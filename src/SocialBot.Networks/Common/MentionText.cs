using System.Globalization;
using SocialBot.Core.Mentions;

namespace SocialBot.Networks.Common;

/// <summary>Helpers for turning a network's post into a Mention that the parser accepts.</summary>
public static class MentionText
{
    /// <summary>The post's text cut to the Mention limit (10,000 code points) on a text element boundary.</summary>
    public static string Clip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MentionParser.MaxTextLength)
        {
            return text;
        }

        var enumerator = StringInfo.GetTextElementEnumerator(text);
        var end = 0;
        var codePoints = 0;
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var count = element.EnumerateRunes().Count();
            if (codePoints + count > MentionParser.MaxTextLength)
            {
                break;
            }

            codePoints += count;
            end = enumerator.ElementIndex + element.Length;
        }

        return text[..end];
    }

    /// <summary>Numeric ids (X, Mastodon) compared as numbers, so "10" is newer than "9".</summary>
    public static int CompareIds(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        return left.Length != right.Length ? left.Length.CompareTo(right.Length) : string.CompareOrdinal(left, right);
    }
}
