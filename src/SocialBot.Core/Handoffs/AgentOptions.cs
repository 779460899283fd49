using System.ComponentModel.DataAnnotations;

namespace SocialBot.Core.Handoffs;

/// <summary>The <c>SocialBot:Agents</c> section.</summary>
public sealed class AgentOptions
{
    public const string SectionName = "SocialBot:Agents";

    /// <summary>How long a claim lasts before the handoff returns to the queue (renewed by <c>agent extend</c> and by replying).</summary>
    [Range(1, 1440)]
    public int LeaseMinutes { get; set; } = 15;
}
