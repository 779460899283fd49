namespace SocialBot.Azure.Http;

/// <summary>
/// Makes values taken from unauthenticated requests safe to log: at most a few dozen characters, control characters
/// replaced, and the original length stated, so a 200 KB header or field cannot flood the log.
/// </summary>
public static class LogValue
{
    /// <summary>The default cap for a request value in a log line.</summary>
    public const int DefaultMaxLength = 64;

    public static string Truncate(string? value, int maxLength = DefaultMaxLength)
    {
        if (value is null)
        {
            return "(none)";
        }

        var cut = value.Length > maxLength ? value[..maxLength] : value;
        if (cut.Length > 0 && char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        var safe = string.Create(cut.Length, cut, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
        return value.Length > maxLength ? $"{safe}…({value.Length} chars)" : safe;
    }
}
