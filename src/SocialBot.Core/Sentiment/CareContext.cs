using System.Collections.Frozen;

namespace SocialBot.Core.Sentiment;

/// <summary>
/// Word sets for the two contexts that must not read as complaints: thanks for a problem that was put right ("thanks
/// for rebooking me after the cancellation") and questions about a refund policy ("what is your refund policy?").
/// Kept apart from <see cref="CareWord"/>, whose 64 roles are all taken.
/// </summary>
internal static class CareContext
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Gratitude = Lookup(
        "thanks", "thank", "thx", "ty", "appreciate", "appreciated", "grateful", "kudos");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Resolution = Lookup(
        "fixed", "fixing", "resolved", "resolving", "sorted", "sorting", "rebooked", "rebooking", "refunded", "refunding",
        "replaced", "replacing", "helped", "helping", "found", "finding", "solved", "solving", "reimbursed", "compensating",
        "compensated", "reinstated", "restored", "restoring", "returned", "recovered", "delivering", "delivered");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Refund = Lookup("refund", "refunds", "refundable");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PolicyNoun = Lookup(
        "policy", "policies", "options", "option", "process", "terms", "rules", "eligibility", "eligible", "procedure", "conditions");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InformationLead = Lookup(
        "can", "could", "do", "does", "is", "are", "am", "how", "what", "will", "would", "may", "if", "which");

    /// <summary>
    /// Sentences (bit per sentence index) that thank for a fix: a gratitude word and a resolution word that is not
    /// denied ("thanks, still not fixed" is no fix). Customer-care cues there describe what was put right.
    /// </summary>
    public static ulong ThankedForFix(string text, ReadOnlySpan<Token> tokens)
    {
        var grateful = 0UL;
        var resolved = 0UL;
        for (var i = 0; i < tokens.Length; i++)
        {
            var word = Word(text, tokens[i]);
            var bit = 1UL << tokens[i].Sentence;
            if (Gratitude.Contains(word))
            {
                grateful |= bit;
            }
            else if (Resolution.Contains(word) && !DeniedBefore(tokens, i))
            {
                resolved |= bit;
            }
        }

        return grateful & resolved;
    }

    /// <summary>
    /// Whether the refund word at <paramref name="i"/> asks about a policy rather than complains: "refund policy",
    /// or a question opened by an information lead ("can I get a refund if…?", "do you offer refunds…?") where the
    /// refund is not already the customer's own ("can I get my refund").
    /// </summary>
    public static bool IsRefundEnquiry(string text, ReadOnlySpan<Token> tokens, int i)
    {
        if (!Refund.Contains(Word(text, tokens[i])))
        {
            return false;
        }

        if (i + 1 < tokens.Length && tokens[i + 1].Sentence == tokens[i].Sentence && PolicyNoun.Contains(Word(text, tokens[i + 1])))
        {
            return true;
        }

        if (i > 0 && tokens[i - 1].Is(CareWord.Owner))
        {
            return false;
        }

        var first = i;
        while (first > 0 && tokens[first - 1].Sentence == tokens[i].Sentence)
        {
            first--;
        }

        var last = i;
        while (last + 1 < tokens.Length && tokens[last + 1].Sentence == tokens[i].Sentence)
        {
            last++;
        }

        var end = tokens[last].Start + tokens[last].Length;
        var next = last + 1 < tokens.Length ? tokens[last + 1].Start : text.Length;
        var isQuestion = text.AsSpan(tokens[last].Start, next - tokens[last].Start).Contains('?') || (end < text.Length && text[end] == '?');
        return isQuestion && InformationLead.Contains(Word(text, tokens[first]));
    }

    private static bool DeniedBefore(ReadOnlySpan<Token> tokens, int i)
    {
        for (var j = Math.Max(0, i - 3); j < i; j++)
        {
            if (tokens[j].IsNegation || tokens[j].Is(CareWord.NoWord | CareWord.Denial | CareWord.Still | CareWord.Yet))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> Word(string text, Token token) => text.AsSpan(token.Start, token.Length);

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(params string[] words) =>
        words.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
