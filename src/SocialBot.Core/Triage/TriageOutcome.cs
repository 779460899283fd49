using SocialBot.Core.Sentiment;

namespace SocialBot.Core.Triage;

public enum TriageOutcome
{
    HandedOff,
    Ignored,
}
