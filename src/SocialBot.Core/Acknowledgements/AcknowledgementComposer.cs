using SocialBot.Core.Channels;
using SocialBot.Core.Configuration;
using SocialBot.Core.Hours;
using SocialBot.Core.Mentions;
using SocialBot.Core.Sentiment;

namespace SocialBot.Core.Acknowledgements;

/// <summary>
/// Writes the after-hours acknowledgement (DESIGN.md section 5): greets by name or handle, apologises when the mention
/// is negative, reflects the topic, says when people are back in the team's time zone, and offers the after-hours
/// email address and voicemail number. Wording varies per mention but is chosen deterministically from channel + id, so a
/// retry writes the same text. When the channel's limit is short it drops flourishes first (sign-off, privacy note,
/// topic, greeting) and never the contact options.
/// </summary>
public sealed class AcknowledgementComposer
{
    private readonly AcknowledgementTemplates _templates;
    private readonly AfterHoursOptions _afterHours;
    private readonly StaffedHours _hours;
    private readonly ChannelCatalog _channels;
    private readonly DisplayNameGuard _names;

    /// <param name="templates">The wording.</param>
    /// <param name="afterHours">Team name and contact options.</param>
    /// <param name="hours">The staffed hours (for "back at").</param>
    /// <param name="channels">Channel limits.</param>
    /// <param name="names">Which display names may be echoed (null: <see cref="DisplayNameGuard.Default"/>).</param>
    public AcknowledgementComposer(AcknowledgementTemplates templates, AfterHoursOptions afterHours, StaffedHours hours, ChannelCatalog channels, DisplayNameGuard? names = null)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(afterHours);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(channels);
        _templates = templates;
        _afterHours = afterHours;
        _hours = hours;
        _channels = channels;
        _names = names ?? DisplayNameGuard.Default;
    }

    /// <param name="mention">The mention being acknowledged.</param>
    /// <param name="sentiment">Its sentiment; a negative mention gets an apology.</param>
    /// <param name="now">The instant of the reply.</param>
    /// <param name="nextStaffedAt">When people are back (null if the schedule has no next opening).</param>
    /// <param name="answer">A quick answer to put first (after the greeting); kept whole, or left out if it cannot fit.</param>
    public ComposedAcknowledgement Compose(Mention mention, SentimentResult sentiment, DateTimeOffset now, DateTimeOffset? nextStaffedAt, string? answer = null)
    {
        ArgumentNullException.ThrowIfNull(mention);
        ArgumentNullException.ThrowIfNull(sentiment);
        var channel = _channels.Get(mention.Channel);
        var seed = Seed(mention);
        var name = GreetingName(mention, _names, channel);
        var topic = TopicDetector.Detect(mention.Text);
        var negative = sentiment.IsNegative;
        var back = nextStaffedAt is { } opening ? BackTimeFormatter.Format(opening, now, _hours) : null;
        var backNoZone = nextStaffedAt is { } o ? BackTimeFormatter.Format(o, now, _hours, withZone: false) : null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = name ?? "",
            ["team"] = _afterHours.TeamName,
            ["topic"] = topic ?? "this",
            ["back"] = back ?? "",
            ["email"] = _afterHours.Email ?? "",
            ["voicemail"] = _afterHours.Voicemail ?? "",
        };

        var greeting = Render(name is null ? _templates.AnonymousGreetings : _templates.Greetings, seed, 1, values);
        var body = Render(ForTopic(negative ? _templates.Apologies : _templates.Thanks, topic), seed, 2, values);
        var fullOpening = $"{greeting} {body}";
        var shortOpening = $"{greeting} {(negative ? "sorry about this." : "thanks for your message.")}";
        var backSentence = back is null
            ? "Our team is away right now and will reply as soon as we can."
            : Render(_templates.BackAt, seed, 3, values);
        var contact = Render(ContactTemplates(), seed, 4, values);
        var privacy = mention.IsPublic ? Render(_templates.PublicPrivacyNote, seed, 5, values) : null;
        var signOff = Render(_templates.SignOff, seed, 6, values);
        var compactBack = back is null ? "We'll reply as soon as we can." : $"We're back {back}.";
        var compactContact = CompactContact();
        var apology = negative ? "Sorry about this. " : "";
        var minimal = (backNoZone is null ? "We'll reply soon. " : $"Back {backNoZone}. ") + CompactContact();
        if (answer is not null)
        {
            // The answer comes first and is never cut; flourishes go first, then wording, never the contacts.
            var answerOpening = negative ? $"{greeting} sorry about this." : StandAlone(greeting);
            string?[][] answerLadder =
            [
                [answerOpening, answer, backSentence, contact, privacy, signOff],
                [answerOpening, answer, backSentence, contact, privacy],
                [answerOpening, answer, backSentence, contact],
                [answerOpening, answer, compactBack, compactContact],
                [apology, answer, compactBack, compactContact],
                [apology, answer, minimal],
            ];
            if (FirstFitting(answerLadder, channel, topic, includesAnswer: true) is { } answered)
            {
                return answered;
            }
        }

        string?[][] ladder =
        [
            [fullOpening, backSentence, contact, privacy, signOff],
            [fullOpening, backSentence, contact, privacy],
            [fullOpening, backSentence, contact],
            [shortOpening, backSentence, contact],
            [shortOpening, compactBack, compactContact],
            [apology + compactBack, compactContact],
            [minimal],
        ];

        for (var level = 0; level < ladder.Length; level++)
        {
            var text = Join(ladder[level]);
            if (channel.Fits(text) || level == ladder.Length - 1)
            {
                return new ComposedAcknowledgement(text, level, channel.LengthOf(text), channel.MaxReplyLength, topic);
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>
    /// A quick answer sent at once during staffed hours: greeting, apology when negative, the answer, and for a negative
    /// mention the promise that a person follows up. Null when the answer cannot fit the channel whole.
    /// </summary>
    public ComposedAcknowledgement? ComposeAnswer(Mention mention, SentimentResult sentiment, string answer)
    {
        ArgumentNullException.ThrowIfNull(mention);
        ArgumentNullException.ThrowIfNull(sentiment);
        ArgumentNullException.ThrowIfNull(answer);
        var channel = _channels.Get(mention.Channel);
        var name = GreetingName(mention, _names, channel);
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = name ?? "", ["team"] = _afterHours.TeamName };
        var greeting = Render(name is null ? _templates.AnonymousGreetings : _templates.Greetings, Seed(mention), 1, values);
        var apology = sentiment.IsNegative ? "sorry about this." : null;
        var followUp = sentiment.IsNegative ? "Someone from our team will follow up here shortly." : null;
        string?[][] ladder =
        [
            [apology is null ? StandAlone(greeting) : greeting, apology, answer, followUp],
            [apology is null ? null : "Sorry about this.", answer, followUp],
            [apology is null ? null : "Sorry about this.", answer],
        ];
        return FirstFitting(ladder, channel, topic: null, includesAnswer: true);
    }

    /// <summary>"Hi Dana," before a sentence of its own reads "Hi Dana!".</summary>
    private static string StandAlone(string greeting) => greeting.EndsWith(',') ? greeting[..^1] + "!" : greeting;

    private static ComposedAcknowledgement? FirstFitting(string?[][] ladder, ChannelProfile channel, string? topic, bool includesAnswer)
    {
        for (var level = 0; level < ladder.Length; level++)
        {
            var text = Join(ladder[level]);
            if (channel.Fits(text))
            {
                return new ComposedAcknowledgement(text, level, channel.LengthOf(text), channel.MaxReplyLength, topic, includesAnswer);
            }
        }

        return null;
    }

    /// <summary>The name to greet with (default guard, UTF-16 length).</summary>
    public static string? GreetingName(Mention mention) => GreetingName(mention, DisplayNameGuard.Default, channel: null);

    /// <summary>
    /// The name to greet with: the first word of the display name if <paramref name="names"/> finds it safe, else the
    /// handle, else none. A display name that was refused on a public post gives no name at all (a neutral "Hi there"),
    /// since a handle there would be a second chance for the same author to steer what the brand posts.
    /// </summary>
    public static string? GreetingName(Mention mention, DisplayNameGuard names, ChannelProfile? channel)
    {
        ArgumentNullException.ThrowIfNull(mention);
        ArgumentNullException.ThrowIfNull(names);
        var first = names.FirstName(mention.Author.Name, channel, out var refused);
        if (first is not null)
        {
            return first;
        }

        if (refused && mention.IsPublic)
        {
            return null;
        }

        var handle = TextSanitizer.CleanName(mention.Author.Handle);
        if (handle is null || handle.Length > 31
            || !handle.TrimStart('@').All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
        {
            return null;
        }

        return handle.StartsWith('@') ? handle : "@" + handle;
    }

    /// <summary>The variants that name the topic when there is one, and those that do not when there is none (if any of each kind exist).</summary>
    private static IReadOnlyList<string> ForTopic(IReadOnlyList<string> variants, string? topic)
    {
        var wanted = variants.Where(variant => variant.Contains("{topic}", StringComparison.Ordinal) == (topic is not null)).ToArray();
        return wanted.Length > 0 ? wanted : variants;
    }

    private IReadOnlyList<string> ContactTemplates() =>
        (_afterHours.Email, _afterHours.Voicemail) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) => _templates.Contact,
            ({ Length: > 0 }, _) => _templates.EmailOnly,
            _ => _templates.VoicemailOnly,
        };

    private string CompactContact() =>
        (_afterHours.Email, _afterHours.Voicemail) switch
        {
            ({ Length: > 0 } email, { Length: > 0 } voicemail) => $"Email {email} or leave a voicemail at {voicemail}.",
            ({ Length: > 0 } email, _) => $"Email {email}.",
            (_, var voicemail) => $"Leave a voicemail at {voicemail}.",
        };

    private static string Render(IReadOnlyList<string> variants, uint seed, uint salt, IReadOnlyDictionary<string, string> values)
    {
        var index = (int)((seed ^ (salt * 0x9E3779B9u)) % (uint)variants.Count);
        return AcknowledgementTemplates.Render(variants[index], values).Trim();
    }

    private static string Join(string?[] parts)
    {
        var text = string.Join(" ", parts.Where(part => !string.IsNullOrWhiteSpace(part)));
        return text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    /// <summary>FNV-1a over channel/id: stable across processes and machines, unlike string.GetHashCode.</summary>
    private static uint Seed(Mention mention)
    {
        var hash = 2166136261u;
        foreach (var c in $"{mention.Channel}/{mention.Id}")
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
