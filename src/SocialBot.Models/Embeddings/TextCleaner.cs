using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialBot.Models.Embeddings;

/// <summary>
/// Prepares social posts for the sentence encoder: decodes HTML entities, drops URLs and @mentions, keeps hashtag words
/// without the <c>#</c>, collapses white space and truncates. A t.co link otherwise dominates the vector.
/// </summary>
public static partial class TextCleaner
{
    /// <summary>Cleans <paramref name="text"/> and cuts it to at most <paramref name="maxLength"/> characters (at a word boundary when one is near).</summary>
    public static string Clean(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var decoded = WebUtility.HtmlDecode(text);
        var withoutLinks = Url().Replace(decoded, " ");
        var withoutMentions = Mention().Replace(withoutLinks, " ");
        var withoutHashes = Hashtag().Replace(withoutMentions, "$1");
        var collapsed = Spaces().Replace(withoutHashes, " ").Trim();
        if (collapsed.Length <= maxLength)
        {
            return collapsed;
        }

        var cut = collapsed.LastIndexOf(' ', maxLength - 1, Math.Min(maxLength, 40));
        var end = cut > 0 ? cut : maxLength;

        // Never split a surrogate pair.
        if (char.IsHighSurrogate(collapsed[end - 1]))
        {
            end--;
        }

        return collapsed[..end].Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"(?:https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<![\w@])@\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?<![\w#])#(\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
