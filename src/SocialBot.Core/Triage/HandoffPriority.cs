namespace SocialBot.Core.Triage;

public enum HandoffPriority
{
    Normal,
    Urgent,
}
