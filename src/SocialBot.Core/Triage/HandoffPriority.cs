using SocialBot.Core.Sentiment;

namespace SocialBot.Core.Triage;

public enum HandoffPriority
{
    Normal,
    Urgent,
}
