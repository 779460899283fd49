using System.Buffers;
using System.Text;

namespace SocialBot.Core.Sentiment;

/// <summary>
/// Splits text the way VADER does: on white space, then strips leading and trailing ASCII punctuation from a token
/// unless that would leave two characters or fewer (so emoticons such as ":)" and "&lt;3" survive). Emoji are first
/// replaced by their English description so that their words can be scored. Handles (<c>@name</c>) are not scored:
/// in customer care every text names a brand, and "@united" must not read as the positive word "united".
/// </summary>
internal static class SentimentTokenizer
{
    private static readonly SearchValues<char> Punctuation = SearchValues.Create("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");

    /// <summary>Replaces each emoji that the emoji lexicon knows by its description; returns the text itself when none.</summary>
    public static string DescribeEmoji(string text, SentimentLexicon lexicon)
    {
        StringBuilder? builder = null;
        var previousSpace = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x2000)
            {
                builder?.Append(c);
                previousSpace = c == ' ';
                continue;
            }

            var width = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var description = lexicon.DescribeEmoji(text.AsSpan(i, width));
            if (description is null)
            {
                builder?.Append(text, i, width);
                previousSpace = false;
            }
            else
            {
                builder ??= new StringBuilder(text.Length + 32).Append(text, 0, i);
                if (!previousSpace)
                {
                    builder.Append(' ');
                }

                builder.Append(description).Append(' ');
                previousSpace = true;
            }

            i += width - 1;
        }

        return builder is null ? text : builder.ToString().Trim();
    }

    /// <summary>Fills <paramref name="tokens"/> (grown when too small) and returns how many there are.</summary>
    public static int Tokenize(string text, SentimentLexicon lexicon, ref Token[] tokens)
    {
        var count = 0;
        var sentence = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                break;
            }

            var raw = text.AsSpan(start, i - start);
            var trimmedStart = raw.IndexOfAnyExcept(Punctuation);
            var word = raw;
            var offset = 0;
            if (trimmedStart >= 0)
            {
                var trimmedEnd = raw.LastIndexOfAnyExcept(Punctuation);
                var stripped = raw[trimmedStart..(trimmedEnd + 1)];
                if (stripped.Length > 2)
                {
                    word = stripped;
                    offset = trimmedStart;
                }
            }

            if (count == tokens.Length)
            {
                Array.Resize(ref tokens, tokens.Length * 2);
            }

            // A handle (@united, @Delta) names the account, it says nothing about feelings: never score it.
            tokens[count] = raw[0] == '@' ? new Token { Start = start + offset, Length = word.Length } : Describe(start + offset, word, lexicon);
            tokens[count++].Sentence = sentence;
            if (raw[^1] is '.' or '!' or '?' && sentence < 63)
            {
                sentence++;
            }
        }

        return count;
    }

    private static Token Describe(int start, ReadOnlySpan<char> word, SentimentLexicon lexicon)
    {
        var traits = WordTraits.Of(word);
        var hasUpper = false;
        var hasLower = false;
        foreach (var c in word)
        {
            hasUpper |= char.IsUpper(c);
            hasLower |= char.IsLower(c);
        }

        if (word.Contains("n't", StringComparison.OrdinalIgnoreCase))
        {
            traits = traits with { Vader = traits.Vader | VaderWord.Negation };
        }

        if (word.Length > 0 && char.IsAsciiDigit(word[0]))
        {
            traits = traits with { Care = traits.Care | DescribeNumber(word) };
        }

        return new Token
        {
            Start = start,
            Length = word.Length,
            Entry = lexicon.Find(word),
            Traits = traits,
            IsUpper = hasUpper && !hasLower,
        };
    }

    /// <summary>"3" is a number, "3hrs" a number with its unit, "9am" and "9:30" points in time.</summary>
    private static CareWord DescribeNumber(ReadOnlySpan<char> word)
    {
        var digits = word.IndexOfAnyExceptInRange('0', '9');
        if (digits < 0)
        {
            return CareWord.Number;
        }

        var rest = word[digits..];
        if (rest[0] == ':' || rest.Equals("am", StringComparison.OrdinalIgnoreCase) || rest.Equals("pm", StringComparison.OrdinalIgnoreCase))
        {
            return CareWord.PointInTime;
        }

        if (rest[0] == '+')
        {
            return CareWord.Number;
        }

        return WordTraits.Of(rest).Care.HasFlag(CareWord.TimeUnit) ? CareWord.Number | CareWord.TimeUnit : CareWord.None;
    }
}
