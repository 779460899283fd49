namespace SocialBot.Core.Configuration;

/// <summary>
/// The <c>SocialBot:Acknowledgement</c> section: wording of the automatic acknowledgement. Every list is a set of
/// variants; one is chosen per mention. Validated by building the templates (<see cref="Acknowledgements.AcknowledgementTemplates.From"/>).
/// </summary>
public sealed class AcknowledgementOptions
{
    public const string SectionName = "SocialBot:Acknowledgement";

    public IList<string> Greetings { get; } = [];

    public IList<string> AnonymousGreetings { get; } = [];

    public IList<string> Thanks { get; } = [];

    public IList<string> Apologies { get; } = [];

    public IList<string> BackAt { get; } = [];

    public IList<string> Contact { get; } = [];

    public IList<string> EmailOnly { get; } = [];

    public IList<string> VoicemailOnly { get; } = [];

    public IList<string> PublicPrivacyNote { get; } = [];

    public IList<string> SignOff { get; } = [];
}
