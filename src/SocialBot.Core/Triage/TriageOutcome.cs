namespace SocialBot.Core.Triage;

public enum TriageOutcome
{
    HandedOff,
    Ignored,
}
