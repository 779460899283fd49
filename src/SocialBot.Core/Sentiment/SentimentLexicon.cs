using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace SocialBot.Core.Sentiment;

/// <summary>
/// The VADER word lexicon and the emoji lexicon, read once per process from the embedded resources and shared
/// by every analyzer instance. Both dictionaries are frozen (read-only, thread-safe) and looked up by span.
/// </summary>
internal sealed class SentimentLexicon
{
    private const string LexiconResource = "SocialBot.Core.Sentiment.vader_lexicon.txt";
    private const string EmojiResource = "SocialBot.Core.Sentiment.emoji_utf8_lexicon.txt";

    private static readonly Lazy<SentimentLexicon> SharedInstance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, LexiconEntry>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _emoji;

    private SentimentLexicon(FrozenDictionary<string, LexiconEntry> words, FrozenDictionary<string, string> emoji)
    {
        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _emoji = emoji.GetAlternateLookup<ReadOnlySpan<char>>();
        WordCount = words.Count;
        EmojiCount = emoji.Count;
    }

    public static SentimentLexicon Shared => SharedInstance.Value;

    public int WordCount { get; }

    public int EmojiCount { get; }

    /// <summary>Looks a token up case-insensitively (VADER lower-cases before the lookup).</summary>
    public LexiconEntry? Find(ReadOnlySpan<char> token) => _words.TryGetValue(token, out var entry) ? entry : null;

    /// <summary>The English description of one emoji (a single code point, as the reference algorithm matches).</summary>
    public string? DescribeEmoji(ReadOnlySpan<char> emoji) => _emoji.TryGetValue(emoji, out var text) ? text : null;

    private static SentimentLexicon Load()
    {
        var words = new Dictionary<string, LexiconEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in ReadPairs(LexiconResource))
        {
            // The reference lower-cases every token before the lookup, so an entry with upper-case letters can never
            // match there; skipping it keeps our case-insensitive dictionary free of collisions such as ":D" / ":d".
            if (!key.Equals(key.ToLowerInvariant(), StringComparison.Ordinal))
            {
                continue;
            }

            words[key] = new LexiconEntry(key, double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        var emoji = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in ReadPairs(EmojiResource))
        {
            emoji.TryAdd(key, value);
        }

        return new SentimentLexicon(
            words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            emoji.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static IEnumerable<(string Key, string Value)> ReadPairs(string resourceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is missing from SocialBot.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            var firstTab = line.IndexOf('\t', StringComparison.Ordinal);
            if (firstTab <= 0)
            {
                continue;
            }

            var secondTab = line.IndexOf('\t', firstTab + 1);
            var value = secondTab < 0 ? line[(firstTab + 1)..] : line[(firstTab + 1)..secondTab];
            yield return (line[..firstTab], value.Trim());
        }
    }
}
