using System.ComponentModel.DataAnnotations;

namespace SocialBot.Core.Configuration;

/// <summary>
/// The <c>SocialBot:Queues</c> section. Azure queue names: 3-63 lower-case letters, digits and single hyphens; the
/// poison twin adds <c>-poison</c>, so ours are at most 56.
/// </summary>
public sealed class QueueNamesOptions
{
    public const string SectionName = "SocialBot:Queues";

    private const string Pattern = "^(?=.{3,56}$)[a-z0-9](?:-?[a-z0-9])*$";

    private const string Rule = " not a valid queue name (3-56 lower-case letters, digits and single hyphens, starting with a letter or digit)";

    [Required(ErrorMessage = "is required")]
    [RegularExpression(Pattern, ErrorMessage = "is" + Rule)]
    public string Mentions { get; set; } = "mentions";

    [Required(ErrorMessage = "is required")]
    [RegularExpression(Pattern, ErrorMessage = "is" + Rule)]
    public string Replies { get; set; } = "replies";

    [Required(ErrorMessage = "is required")]
    [RegularExpression(Pattern, ErrorMessage = "is" + Rule)]
    public string Handoffs { get; set; } = "handoffs";

    [Required(ErrorMessage = "is required")]
    [RegularExpression(Pattern, ErrorMessage = "is" + Rule)]
    public string UrgentHandoffs { get; set; } = "handoffs-urgent";

    /// <summary>Escalation notices waiting for the <c>NotifyEscalation</c> function (used only when a webhook is set).</summary>
    [Required(ErrorMessage = "is required")]
    [RegularExpression(Pattern, ErrorMessage = "is" + Rule)]
    public string Notifications { get; set; } = "notifications";
}
