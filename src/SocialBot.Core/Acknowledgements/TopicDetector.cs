namespace SocialBot.Core.Acknowledgements;

/// <summary>
/// Finds what a mention is about ("your refund", "your order") so the acknowledgement can reflect it. Only the topic
/// phrase is echoed, never the customer's own words, so nothing personal leaks into a public reply.
/// </summary>
public static class TopicDetector
{
    private static readonly (string Phrase, string[] Stems)[] Topics =
    [
        ("your refund", ["refund", "reimburs", "money back"]),
        ("your bag", ["bag", "luggage", "baggage", "suitcase"]),
        ("your flight", ["flight", "tarmac", "boarding", "gate", "layover", "connection flight", "plane"]),
        ("your booking", ["booking", "reservation", "booked", "ticket"]),
        ("the charge", ["charged", "charge", "billing", "bill", "invoice", "payment", "overcharg"]),
        ("your order", ["order", "package", "parcel", "delivery", "deliver", "shipping", "shipment", "tracking"]),
        ("your account", ["account", "login", "log in", "password", "locked out", "sign in"]),
        ("your connection", ["wifi", "wi-fi", "internet", "outage", "signal", "network", "broadband"]),
        ("your subscription", ["subscription", "cancel my plan", "renewal", "membership"]),
    ];

    /// <summary>The topic phrase, or null when nothing clear stands out.</summary>
    public static string? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lower = text.Length > 2000 ? text[..2000].ToLowerInvariant() : text.ToLowerInvariant();
        foreach (var (phrase, stems) in Topics)
        {
            foreach (var stem in stems)
            {
                if (ContainsWordStart(lower, stem))
                {
                    return phrase;
                }
            }
        }

        return null;
    }

    private static bool ContainsWordStart(string text, string stem)
    {
        var index = 0;
        while ((index = text.IndexOf(stem, index, StringComparison.Ordinal)) >= 0)
        {
            if (index == 0 || !char.IsLetter(text[index - 1]))
            {
                return true;
            }

            index += stem.Length;
        }

        return false;
    }
}
