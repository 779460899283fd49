using System.Globalization;
using System.Text;

namespace SocialBot.Core.Answers;

/// <summary>
/// Turns a question into the terms the lexical matcher compares: lower case, accents folded, @handles, URLs and
/// apostrophes dropped, stop words removed, and a light suffix stemmer (rains, raining, rainy → rain; shipped → ship),
/// applied the same way to example questions and mentions. A few everyday phrasings of shop words are folded
/// together (deliver → ship, "money back" → refund, "send it back" → return).
/// </summary>
public static partial class AnswerTokenizer
{
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["deliver"] = "ship",
        ["mail"] = "ship",
        ["shop"] = "stor",
    };

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "so", "of", "to", "in", "on", "at", "for", "with", "from", "by", "about", "as", "into",
        "is", "are", "am", "was", "were", "be", "been", "being", "do", "does", "did", "doing", "done",
        "have", "has", "had", "having", "can", "could", "will", "would", "shall", "should", "may", "might", "must",
        "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "u", "ur", "it", "its", "they", "them", "their",
        "this", "that", "these", "those", "there", "here", "then", "than", "just", "also", "too", "very", "really", "please", "pls", "plz",
        "hi", "hello", "hey", "thanks", "thank", "thx", "ty", "lol", "im", "ive", "id", "ill", "youre", "theyre", "whats", "hows", "wheres",
        "any", "some", "anyone", "someone", "all", "know", "tell", "wondering", "quick", "question", "guys", "folks", "team", "oh", "ok", "okay",
        "yes", "no", "not", "dont", "doesnt", "didnt", "cant", "wont", "isnt", "arent",
        "what", "which", "who", "whom", "how", "when", "where", "why",
        "still", "now", "today", "tomorrow", "tonight", "usually", "ever", "even", "possible", "want", "like", "need", "get", "got", "go", "going",
    };

    public static IReadOnlyList<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var phrased = text.Contains("back", StringComparison.OrdinalIgnoreCase) ? SendBack().Replace(MoneyBack().Replace(text, " refund "), " return ") : text;
        var terms = new List<string>();
        foreach (var word in Words(phrased))
        {
            if (!StopWords.Contains(word))
            {
                var stem = Stem(word);
                if (stem.Length > 0)
                {
                    terms.Add(Synonyms.GetValueOrDefault(stem, stem));
                }
            }
        }

        return terms;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bmoney\s+back\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex MoneyBack();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:send|sent|sending|bring|take|mail)\s+(?:(?:it|them|this|that|something|things|an?\s+\w+|the\s+\w+)\s+)?back\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SendBack();

    /// <summary>The text's words, lower case and accent-folded, without @handles and URLs (stop words kept).</summary>
    public static IEnumerable<string> Words(string text)
    {
        var folded = Fold(text);
        var word = new StringBuilder();
        var skip = false;
        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (c is '\'' or '\u2019' && word.Length > 0)
            {
                continue;
            }

            if (c is '@' && word.Length == 0)
            {
                skip = true;
                continue;
            }

            if (c is ':' or '/' or '.' && i + 1 < folded.Length && folded[i + 1] is '/' && word.ToString() is "http" or "https")
            {
                skip = true;
            }

            if (word.Length > 0 && !skip)
            {
                yield return word.ToString();
            }

            word.Clear();
            if (char.IsWhiteSpace(c))
            {
                skip = false;
            }
        }
    }

    private static string Fold(string text)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
        }

        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>A light English suffix stemmer: consistent rather than linguistically exact.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 3 || word.Any(char.IsDigit))
        {
            return word;
        }

        var stem = word;
        if (stem.EndsWith("ly", StringComparison.Ordinal) && stem.Length > 5)
        {
            stem = stem[..^2];
        }
        else if (stem.EndsWith("ies", StringComparison.Ordinal) && stem.Length > 4)
        {
            stem = stem[..^3] + "y";
        }
        else if (stem.EndsWith("ing", StringComparison.Ordinal) && stem.Length > 5)
        {
            stem = stem[..^3];
        }
        else if (stem.EndsWith("ed", StringComparison.Ordinal) && stem.Length > 4)
        {
            stem = stem[..^2];
        }
        else if (stem.EndsWith("es", StringComparison.Ordinal) && stem.Length > 4 && !stem.EndsWith("ses", StringComparison.Ordinal))
        {
            stem = stem[..^2];
        }
        else if (stem.EndsWith('s') && !stem.EndsWith("ss", StringComparison.Ordinal) && !stem.EndsWith("us", StringComparison.Ordinal))
        {
            stem = stem[..^1];
        }

        if (stem.Length > 4 && (stem.EndsWith('y') || stem.EndsWith('e')))
        {
            stem = stem[..^1];
        }
        else if (stem.Length > 3 && stem.EndsWith('e') && !stem.EndsWith("ee", StringComparison.Ordinal))
        {
            stem = stem[..^1];
        }

        if (stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('s' or 'z'))
        {
            stem = stem[..^1];
        }

        return stem;
    }
}
