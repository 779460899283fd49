using System.Globalization;

namespace SocialBot.Core.OptOut;

/// <summary>
/// Recognises a message that only says "stop" (or another configured word, <c>SocialBot:Triage:OptOutWords</c>):
/// leading @handles (a reply on X or Mastodon starts with them), surrounding punctuation and case are ignored, so
/// "@MarketHall STOP!" opts out and "don't stop the music" does not.
/// </summary>
public sealed class OptOutWords
{
    /// <summary>Used when <c>SocialBot:Triage:OptOutWords</c> is empty.</summary>
    public static IReadOnlyList<string> Defaults { get; } = ["stop", "unsubscribe", "stop replying", "opt out", "optout"];

    private static readonly char[] Punctuation = ['.', ',', '!', '?', ';', ':', '"', '\'', '(', ')', '…', '¡', '¿'];

    private readonly HashSet<string> _words;

    public OptOutWords(IEnumerable<string>? configured)
    {
        var words = configured?.Where(word => !string.IsNullOrWhiteSpace(word)).Select(Normalize).ToList() ?? [];
        _words = new HashSet<string>(words.Count > 0 ? words : Defaults.Select(Normalize), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Words => _words;

    /// <summary>The opt-out word the text consists of, or null.</summary>
    public string? Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Normalize(text);
        return _words.Contains(normalized) ? normalized : null;
    }

    private static string Normalize(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SkipWhile(word => word.StartsWith('@'))
            .Select(word => word.Trim(Punctuation))
            .Where(word => word.Length > 0);
        return string.Join(' ', words).ToLower(CultureInfo.InvariantCulture);
    }
}
