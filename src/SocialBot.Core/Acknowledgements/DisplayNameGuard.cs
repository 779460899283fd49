using System.Globalization;
using System.Text;
using SocialBot.Core.Channels;
using SocialBot.Core.Mentions;

namespace SocialBot.Core.Acknowledgements;

/// <summary>
/// Decides whether a customer's display name may be echoed in a (possibly public) greeting. Display names are chosen
/// by whoever writes to us, so "Hi bit.ly/free-crypto," or "Hello ＠elonmusk," would make the brand post spam,
/// mentions or insults. The name is NFKC-normalised first (fullwidth ＠ becomes @, ｅｖｉｌ．ｃｏｍ becomes evil.com),
/// then refused when it contains @, #, $ or another currency sign, a slash or a URL, anything shaped like a domain, a run
/// of digits like a phone number, stacked combining marks, or a blocked word; the first name must also fit
/// <see cref="GreetingOptions.MaxNameLength"/> as the channel counts. When in doubt the caller greets neutrally.
/// </summary>
public sealed class DisplayNameGuard
{
    /// <summary>Insults, impersonation words and spam bait seen in hostile display names; matched as whole words, case-insensitively.</summary>
    public static readonly IReadOnlyList<string> DefaultBlockedWords =
    [
        "idiot", "idiots", "stupid", "moron", "morons", "dumb", "loser", "losers", "clown", "clowns", "trash", "garbage",
        "fuck", "fucker", "fuckers", "fucking", "shit", "shithead", "bitch", "bitches", "bastard", "asshole",
        "cunt", "whore", "slut", "wanker", "twat", "prick", "retard", "retards", "scum",
        "nazi", "nazis", "hitler", "kkk", "isis", "terrorist", "rape", "rapist", "kill", "killer", "death", "hate",
        "porn", "porno", "xxx", "nsfw", "sex", "sexy", "nude", "nudes", "onlyfans", "camgirl", "escort",
        "scam", "scammer", "scammers", "scams", "fraud", "frauds", "liar", "liars", "thief", "thieves", "crooks",
        "crypto", "bitcoin", "btc", "nft", "airdrop", "giveaway", "casino", "betting", "forex", "invest", "profit", "promo", "winner",
        "free", "cash", "money", "prize", "click", "dm", "subscribe", "follow", "followers", "telegram", "whatsapp",
        "admin", "administrator", "support", "helpdesk", "official", "verified", "moderator", "staff", "ceo", "security",
    ];

    /// <summary>A guard with the default block list and length.</summary>
    public static readonly DisplayNameGuard Default = new(new GreetingOptions());

    private const int MaxDigits = 4;
    private const int MaxCombiningMarksPerLetter = 2;

    private readonly HashSet<string> _blocked;
    private readonly int _maxNameLength;

    public DisplayNameGuard(GreetingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxNameLength = options.MaxNameLength;
        _blocked = new HashSet<string>(
            (options.UseDefaultBlockedWords ? DefaultBlockedWords : []).Concat(options.BlockedWords)
                .Where(word => !string.IsNullOrWhiteSpace(word))
                .Select(word => word.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant()),
            StringComparer.Ordinal);
    }

    /// <summary>The first name to greet with, or null when the display name is absent or not safe to echo.</summary>
    /// <param name="displayName">The author's display name as the network sent it.</param>
    /// <param name="channel">How the channel counts length (null: UTF-16 characters).</param>
    /// <param name="refused">Whether a name was present and refused (as opposed to absent).</param>
    public string? FirstName(string? displayName, ChannelProfile? channel, out bool refused)
    {
        refused = false;
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return null;
        }

        refused = true;
        if (displayName.Length > 256)
        {
            return null;
        }

        var normalized = displayName.Normalize(NormalizationForm.FormKC);
        if (!IsSafe(normalized))
        {
            return null;
        }

        var name = TextSanitizer.CleanName(normalized);
        if (name is null || name.StartsWith('@'))
        {
            return null;
        }

        var first = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd(',', '.', ';', ':', '!', '?');
        if (!first.Any(char.IsLetter) || (channel?.LengthOf(first) ?? first.Length) > _maxNameLength)
        {
            return null;
        }

        refused = false;
        return first;
    }

    /// <summary>Whether the whole (NFKC-normalised) name is free of every hostile pattern.</summary>
    internal bool IsSafe(string normalized)
    {
        var digits = 0;
        var marks = 0;
        foreach (var rune in normalized.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (rune.Value is '@' or '#' or '$' or '/' or '\\' or ':' or '%' or '&' or '=' or '?' or '+' or '|' or '~' or '*'
                || rune.Value is 0xFE6B or 0xFF20 or 0xFF03 or 0xFE5F or 0x2044 or 0x2215 or 0x3002 or 0xFF61
                || category is UnicodeCategory.CurrencySymbol or UnicodeCategory.MathSymbol)
            {
                return false;
            }

            if (Rune.IsDigit(rune) && ++digits > MaxDigits)
            {
                return false;
            }

            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark)
            {
                if (++marks > MaxCombiningMarksPerLetter)
                {
                    return false;
                }
            }
            else
            {
                marks = 0;
            }
        }

        return !LooksLikeDomain(normalized) && !HasBlockedWord(normalized);
    }

    /// <summary>
    /// A dot after a letter, digit or space and before at least two letters or digits ("evil.com", "bit.ly", "x.co",
    /// "evil .com"); "J.R.R." and "St. John" pass.
    /// </summary>
    private static bool LooksLikeDomain(string text)
    {
        if (text.Contains("www", StringComparison.OrdinalIgnoreCase) && text.Contains('.', StringComparison.Ordinal))
        {
            return true;
        }

        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] != '.' || !(char.IsLetterOrDigit(text[i - 1]) || char.IsWhiteSpace(text[i - 1])) || !char.IsLetterOrDigit(text[i + 1]))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                end++;
            }

            if (end - i - 1 >= 2)
            {
                return true;
            }
        }

        return false;
    }

    private bool HasBlockedWord(string text)
    {
        var word = new StringBuilder();
        var letters = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                letters.Append(c);
                continue;
            }

            if (IsBlocked(word))
            {
                return true;
            }

            word.Clear();
        }

        // Also the name with separators removed ("I.d.i.o.t", "F R E E") and each word's leetspeak reading.
        return IsBlocked(word) || (letters.Length <= 24 && _blocked.Contains(letters.ToString())) || _blocked.Contains(Deleet(letters.ToString()));
    }

    private bool IsBlocked(StringBuilder word) =>
        word.Length > 0 && (_blocked.Contains(word.ToString()) || _blocked.Contains(Deleet(word.ToString())));

    private static string Deleet(string word) =>
        string.Create(word.Length, word, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '0' => 'o',
                    '1' => 'i',
                    '3' => 'e',
                    '4' => 'a',
                    '5' => 's',
                    '7' => 't',
                    _ => source[i],
                };
            }
        });
}
