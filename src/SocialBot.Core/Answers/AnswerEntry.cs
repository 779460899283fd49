using System.Globalization;
using SocialBot.Core.Configuration;

namespace SocialBot.Core.Answers;

/// <summary>One validated entry of the knowledge list: validity in the team's local time, the channels it applies to, its answer variants.</summary>
public sealed class AnswerEntry
{
    /// <summary>Longest answer text accepted: it has to fit a reply beside the back-at and contacts.</summary>
    public const int MaxAnswerLength = 1000;

    private const int MaxQuestionLength = 500;

    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];

    private readonly HashSet<string>? _networks;

    private AnswerEntry(string id, IReadOnlyList<string> questions, IReadOnlyList<string> answers, DateTime? validFrom, DateTime? validUntil, HashSet<string>? networks, bool isPublic)
    {
        Id = id;
        Questions = questions;
        Answers = answers;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
        _networks = networks;
        Public = isPublic;
    }

    public string Id { get; }

    public IReadOnlyList<string> Questions { get; }

    /// <summary>The answer and its variants, in configuration order (at least one).</summary>
    public IReadOnlyList<string> Answers { get; }

    /// <summary>Local wall-clock time from which the entry applies (inclusive); null: always.</summary>
    public DateTime? ValidFrom { get; }

    /// <summary>Local wall-clock time at which the entry stops applying (exclusive); null: never.</summary>
    public DateTime? ValidUntil { get; }

    public bool Public { get; }

    /// <summary>The channels the entry is limited to; empty when it applies everywhere.</summary>
    public IEnumerable<string> Networks => _networks ?? Enumerable.Empty<string>();

    /// <summary>Whether the entry applies at this local wall-clock time.</summary>
    public bool IsValidAt(DateTime local) => (ValidFrom is null || local >= ValidFrom) && (ValidUntil is null || local < ValidUntil);

    /// <summary>Whether the entry applies on this channel (<c>x</c> and <c>twitter</c> are the same network).</summary>
    public bool AppliesTo(string channel) => _networks is null || _networks.Contains(NetworkName(channel));

    /// <summary>Validates one configured entry; <paramref name="key"/> is its configuration path, used in the error.</summary>
    public static AnswerEntry From(AnswerEntryOptions options, string key)
    {
        ArgumentNullException.ThrowIfNull(options);
        var id = options.Id?.Trim() ?? "";
        if (id.Length is 0 or > 64 || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new SocialBotConfigurationException($"{key}:Id", $"'{Shorten(id)}' is not an id: 1-64 letters, digits, '-', '_' or '.'");
        }

        var questions = Texts(options.Questions, $"{key}:Questions", MaxQuestionLength);
        if (questions.Count == 0)
        {
            throw new SocialBotConfigurationException($"{key}:Questions", $"entry '{id}' needs at least one example question");
        }

        var answers = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Answer))
        {
            answers.Add(Text(options.Answer, $"{key}:Answer", MaxAnswerLength));
        }

        answers.AddRange(Texts(options.Answers, $"{key}:Answers", MaxAnswerLength));
        if (answers.Count == 0)
        {
            throw new SocialBotConfigurationException($"{key}:Answer", $"entry '{id}' needs an answer (Answer, or a list under Answers)");
        }

        var from = LocalTime(options.ValidFrom, $"{key}:ValidFrom", endOfDay: false);
        var until = LocalTime(options.ValidTo, $"{key}:ValidTo", endOfDay: true);
        if (from is not null && until is not null && until <= from)
        {
            throw new SocialBotConfigurationException($"{key}:ValidTo", $"'{options.ValidTo}' is not after ValidFrom '{options.ValidFrom}'");
        }

        HashSet<string>? networks = null;
        if (options.Networks is { Count: > 0 })
        {
            networks = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < options.Networks.Count; i++)
            {
                var network = options.Networks[i]?.Trim();
                if (string.IsNullOrEmpty(network))
                {
                    throw new SocialBotConfigurationException($"{key}:Networks:{i}", "must not be empty");
                }

                networks.Add(NetworkName(network));
            }
        }

        return new AnswerEntry(id, questions, answers, from, until, networks, options.Public);
    }

    private static string NetworkName(string channel) =>
        string.Equals(channel, "x", StringComparison.OrdinalIgnoreCase) ? "twitter" : channel.ToLowerInvariant();

    private static List<string> Texts(IList<string>? values, string key, int maxLength)
    {
        var texts = new List<string>();
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            texts.Add(Text(values![i], $"{key}:{i}", maxLength));
        }

        return texts;
    }

    private static string Text(string? value, string key, int maxLength)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new SocialBotConfigurationException(key, "must not be empty");
        }

        if (text.Length > maxLength)
        {
            throw new SocialBotConfigurationException(key, $"is {text.Length} characters; at most {maxLength}");
        }

        return text;
    }

    private static DateTime? LocalTime(string? value, string key, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToDateTime(TimeOnly.MinValue).AddDays(endOfDay ? 1 : 0);
        }

        if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return local;
        }

        throw new SocialBotConfigurationException(key, $"'{Shorten(text)}' is not a local date (yyyy-MM-dd) or date and time (yyyy-MM-ddTHH:mm) in the team's time zone");
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
