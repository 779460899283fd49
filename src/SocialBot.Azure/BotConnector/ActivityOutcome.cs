namespace SocialBot.Azure.BotConnector;

public enum ActivityOutcome
{
    /// <summary>A customer message to triage.</summary>
    Mention,

    /// <summary>An agent hub's answer to a handoff (<c>handoff.status</c> event).</summary>
    HandoffStatus,

    /// <summary>Accepted and deliberately not triaged (our own messages, other bots, typing, conversation updates …).</summary>
    NotTriaged,

    /// <summary>The activity is missing a field or has a wrong value.</summary>
    Malformed,
}
