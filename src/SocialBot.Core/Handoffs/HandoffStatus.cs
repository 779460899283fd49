namespace SocialBot.Core.Handoffs;

/// <summary>Where a handoff stands. A claim whose lease has expired reads as <see cref="Open"/> again.</summary>
public enum HandoffStatus
{
    Open,
    Claimed,
    Resolved,
}
