using System.ComponentModel.DataAnnotations;

namespace SocialBot.Core.Handoffs;

/// <summary>The <c>SocialBot:Escalation</c> section: who is told when an urgent handoff arrives.</summary>
public sealed class EscalationOptions
{
    public const string SectionName = "SocialBot:Escalation";

    /// <summary>An absolute http(s) URL that receives a JSON POST per urgent handoff; unset means no notifications.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The person (name or handle) on call outside staffed hours; named in notifications that arrive after hours.</summary>
    public string? OnCall { get; set; }

    /// <summary>Include the customer's message text in the notification (default false: only what is needed to act).</summary>
    public bool IncludeText { get; set; }

    /// <summary>How long to wait for the webhook before the attempt counts as failed (the queue retries).</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;

    public Uri? WebhookUri => string.IsNullOrWhiteSpace(WebhookUrl) ? null : new Uri(WebhookUrl, UriKind.Absolute);
}
