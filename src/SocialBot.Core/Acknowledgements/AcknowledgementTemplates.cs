using System.Text.RegularExpressions;
using SocialBot.Core.Configuration;

namespace SocialBot.Core.Acknowledgements;

/// <summary>
/// The wording of acknowledgements: lists of variants per part, from <c>SocialBot:Acknowledgement</c> or the defaults.
/// Placeholders: <c>{name}</c>, <c>{team}</c>, <c>{topic}</c>, <c>{back}</c>, <c>{email}</c>, <c>{voicemail}</c>.
/// Values are substituted once and never re-read as templates, so a customer named "{email}" stays "{email}".
/// </summary>
public sealed partial class AcknowledgementTemplates
{
    private static readonly string[] KnownPlaceholders = ["name", "team", "topic", "back", "email", "voicemail"];

    public required IReadOnlyList<string> Greetings { get; init; }

    public required IReadOnlyList<string> AnonymousGreetings { get; init; }

    public required IReadOnlyList<string> Thanks { get; init; }

    public required IReadOnlyList<string> Apologies { get; init; }

    public required IReadOnlyList<string> BackAt { get; init; }

    public required IReadOnlyList<string> Contact { get; init; }

    public required IReadOnlyList<string> EmailOnly { get; init; }

    public required IReadOnlyList<string> VoicemailOnly { get; init; }

    public required IReadOnlyList<string> PublicPrivacyNote { get; init; }

    public required IReadOnlyList<string> SignOff { get; init; }

    public static AcknowledgementTemplates Defaults { get; } = new()
    {
        Greetings = ["Hi {name},", "Hello {name},", "Hey {name},", "Hi {name} -"],
        AnonymousGreetings = ["Hi there,", "Hello,", "Hi,"],
        Thanks =
        [
            "thanks for your message about {topic}.",
            "thanks for getting in touch about {topic}.",
            "thanks for reaching out about {topic}.",
            "thanks for your message.",
            "thanks for getting in touch.",
            "thanks for reaching out to us.",
        ],
        Apologies =
        [
            "we're sorry about the trouble with {topic}.",
            "sorry to hear about the problem with {topic}.",
            "we're sorry {topic} has caused you trouble.",
            "we're sorry to hear about this.",
            "sorry you've had this trouble.",
            "we're sorry this happened.",
        ],
        BackAt =
        [
            "Our team is offline right now and back {back}, when someone will pick this up.",
            "{team} is away at the moment; we're back {back} and will follow up then.",
            "Nobody is at the desk right now, but we're back {back} and will reply then.",
            "We're out of the office until {back}, and a person will follow up then.",
        ],
        Contact =
        [
            "If it can't wait, email {email} or leave a voicemail at {voicemail}.",
            "Need us sooner? Email {email} or call {voicemail} and leave a voicemail.",
            "In the meantime you can email {email} or leave a voicemail on {voicemail}, whichever suits you.",
        ],
        EmailOnly = ["If it can't wait, email us at {email}.", "Need us sooner? Email {email}."],
        VoicemailOnly = ["If it can't wait, leave a voicemail at {voicemail}.", "Need us sooner? Call {voicemail} and leave a voicemail."],
        PublicPrivacyNote = ["Please don't post account or order details here.", "For your privacy, please keep account details out of public posts."],
        SignOff = ["- {team}"],
    };

    /// <summary>The configured wording, with the default list wherever a list is not configured; validated.</summary>
    public static AcknowledgementTemplates From(AcknowledgementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var templates = new AcknowledgementTemplates
        {
            Greetings = Pick(options.Greetings, Defaults.Greetings),
            AnonymousGreetings = Pick(options.AnonymousGreetings, Defaults.AnonymousGreetings),
            Thanks = Pick(options.Thanks, Defaults.Thanks),
            Apologies = Pick(options.Apologies, Defaults.Apologies),
            BackAt = Pick(options.BackAt, Defaults.BackAt),
            Contact = Pick(options.Contact, Defaults.Contact),
            EmailOnly = Pick(options.EmailOnly, Defaults.EmailOnly),
            VoicemailOnly = Pick(options.VoicemailOnly, Defaults.VoicemailOnly),
            PublicPrivacyNote = Pick(options.PublicPrivacyNote, Defaults.PublicPrivacyNote),
            SignOff = Pick(options.SignOff, Defaults.SignOff),
        };
        templates.Validate();
        return templates;
    }

    /// <summary>Replaces placeholders in one pass; values are never scanned for placeholders.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, match => values.TryGetValue(match.Groups[1].Value, out var value) ? value : match.Value);

    private void Validate()
    {
        Check(nameof(Greetings), Greetings, required: ["name"]);
        Check(nameof(AnonymousGreetings), AnonymousGreetings, required: [], forbidden: ["name"]);
        Check(nameof(Thanks), Thanks, required: []);
        Check(nameof(Apologies), Apologies, required: []);
        Check(nameof(BackAt), BackAt, required: ["back"]);
        Check(nameof(Contact), Contact, required: ["email", "voicemail"]);
        Check(nameof(EmailOnly), EmailOnly, required: ["email"]);
        Check(nameof(VoicemailOnly), VoicemailOnly, required: ["voicemail"]);
        Check(nameof(PublicPrivacyNote), PublicPrivacyNote, required: []);
        Check(nameof(SignOff), SignOff, required: []);
    }

    private static void Check(string list, IReadOnlyList<string> templates, string[] required, string[]? forbidden = null)
    {
        for (var i = 0; i < templates.Count; i++)
        {
            var key = $"SocialBot:Acknowledgement:{list}:{i}";
            var template = templates[i];
            if (string.IsNullOrWhiteSpace(template))
            {
                throw new SocialBotConfigurationException(key, "a template must not be empty");
            }

            if (template.Length > 400)
            {
                throw new SocialBotConfigurationException(key, "a template is at most 400 characters");
            }

            foreach (Match match in Placeholder().Matches(template))
            {
                var name = match.Groups[1].Value;
                if (!KnownPlaceholders.Contains(name, StringComparer.Ordinal))
                {
                    throw new SocialBotConfigurationException(key, $"unknown placeholder {{{name}}} (known: {string.Join(", ", KnownPlaceholders.Select(p => "{" + p + "}"))})");
                }

                if (forbidden?.Contains(name, StringComparer.Ordinal) == true)
                {
                    throw new SocialBotConfigurationException(key, $"{{{name}}} cannot be used here");
                }
            }

            foreach (var name in required)
            {
                if (!template.Contains("{" + name + "}", StringComparison.Ordinal))
                {
                    throw new SocialBotConfigurationException(key, $"must contain {{{name}}}");
                }
            }
        }
    }

    private static string[] Pick(IList<string> configured, IReadOnlyList<string> defaults) =>
        configured.Count > 0 ? [.. configured] : [.. defaults];

    [GeneratedRegex(@"\{([a-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
