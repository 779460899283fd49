using System.ComponentModel.DataAnnotations;

namespace SocialBot.Core.Privacy;

/// <summary>The <c>SocialBot:Retention</c> section: how long stored data lives after its last change.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "SocialBot:Retention";

    /// <summary>
    /// Handoffs, conversation state, outbox rows, sent markers and poison messages not changed for this many days are
    /// purged by <see cref="RetentionSweeper"/> (default 30).
    /// </summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 30;

    /// <summary>When the <c>SweepRetention</c> timer runs (six-field NCRONTAB, UTC; default daily at 03:30).</summary>
    public string Schedule { get; set; } = "0 30 3 * * *";
}
