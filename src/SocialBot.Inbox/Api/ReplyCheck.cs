using System.Text.RegularExpressions;
using SocialBot.Core.Channels;

namespace SocialBot.Inbox.Api;

/// <summary>
/// The one implementation of the reply box's checks, used by the page (through <c>POST /api/inbox/check</c>) and by the
/// reply endpoint itself: length counted by the network's rule (<see cref="TextLength"/>), personal details found by pattern.
/// </summary>
public static partial class ReplyCheck
{
    public static ReplyCheckView Check(ChannelCatalog catalog, string network, bool isPublic, string text)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(text);
        var profile = catalog.TryGet(network, out var known) ? known : new ChannelProfile(network, 1000, true, LengthCounting.Graphemes);
        var counting = profile.Counting;
        var length = profile.LengthOf(text);
        var limit = profile.MaxReplyLength;
        return new ReplyCheckView
        {
            Network = network,
            Length = length,
            Limit = limit,
            Counting = counting switch
            {
                LengthCounting.TwitterWeighted => "twitterWeighted",
                LengthCounting.Utf16 => "utf16",
                _ => "graphemes",
            },
            IsPublic = isPublic,
            TooLong = length > limit,
            PersonalDetails = PersonalDetails(text),
        };
    }

    /// <summary>The kinds of personal details in the text, in a fixed order; empty when none.</summary>
    public static IReadOnlyList<string> PersonalDetails(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<string>();
        if (Email().IsMatch(text))
        {
            found.Add("email address");
        }

        if (Phone().Matches(text).Any(match => match.Value.Count(char.IsAsciiDigit) is >= 7 and <= 15 && !IsoDate().IsMatch(match.Value.Trim())))
        {
            found.Add("phone number");
        }

        if (Order().IsMatch(text))
        {
            found.Add("order number");
        }

        return found;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\w#])\+?\(?\d[\d\s().-]{5,}\d(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(order|ord|invoice|booking|ticket)\s*(no\.?|number|nr\.?|id)?\s*[:#]?\s*[A-Z]{0,4}-?\d{4,}\b|#\d{4,}\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Order();
}
