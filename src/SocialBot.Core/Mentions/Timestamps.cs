using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialBot.Core.Mentions;

/// <summary>The one reading of "ISO 8601 with an offset" used for a mention's <c>receivedAt</c> and the CLI's <c>--at</c>.</summary>
public static partial class Timestamps
{
    /// <summary>
    /// Parses an ISO 8601 instant that states its offset (<c>Z</c> or <c>±hh:mm</c>); a local time without an offset
    /// is refused, because it would silently be read in the machine's zone.
    /// </summary>
    public static bool TryParseWithOffset(string text, out DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(text);
        instant = default;
        return OffsetSuffix().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    [GeneratedRegex(@"(Z|z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetSuffix();
}
