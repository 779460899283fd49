namespace SocialBot.Core.Diagnostics;

/// <summary>
/// The registry of <c>[LoggerMessage]</c> event id ranges: each area takes ids from its own range, and every id is used
/// once across the app (tests/SocialBot.Functions.Tests/Diagnostics/LogEventIdTests checks every assembly of the app).
/// Add a range here before taking ids for a new area.
/// </summary>
public static class LogEventIds
{
    /// <summary>1000-1999: triage decisions (<c>TriagePolicy</c>).</summary>
    public const int Triage = 1000;

    /// <summary>2000-2099: <c>TriageMentionProcessor</c>.</summary>
    public const int TriageMention = 2000;

    /// <summary>2100-2199: the sentiment cascade.</summary>
    public const int SentimentCascade = 2100;

    /// <summary>2200-2299: <c>SendReplyProcessor</c>.</summary>
    public const int SendReply = 2200;

    /// <summary>3000-3099: Azure AI Language.</summary>
    public const int Language = 3000;

    /// <summary>4000-4099: the queue functions (<c>QueueFunctionRunner</c>).</summary>
    public const int QueueFunctions = 4000;

    /// <summary>4100-4199: the Bot Connector.</summary>
    public const int BotConnector = 4100;

    /// <summary>4200-4299: HTTP functions.</summary>
    public const int HttpFunctions = 4200;

    /// <summary>4300-4399: app start-up (storage creation).</summary>
    public const int Startup = 4300;

    /// <summary>4400-4499: the local host.</summary>
    public const int LocalHost = 4400;

    /// <summary>4500-4599: timer functions (<c>PollNetworks</c>).</summary>
    public const int TimerFunctions = 4500;

    /// <summary>5000-5999: free for the network connectors (X, Bluesky, Mastodon, Meta).</summary>
    public const int Networks = 5000;

    /// <summary>6000-6099: handoffs and escalation notices.</summary>
    public const int Handoffs = 6000;
}
