using System.ComponentModel.DataAnnotations;

namespace SocialBot.Core.Configuration;

/// <summary>The <c>SocialBot:AfterHours</c> section: who signs the acknowledgement and how customers reach the team.</summary>
public sealed class AfterHoursOptions : IValidatableObject
{
    public const string SectionName = "SocialBot:AfterHours";

    [Required(AllowEmptyStrings = false, ErrorMessage = "is required (the name signed under acknowledgements)")]
    [MaxLength(60, ErrorMessage = "is at most 60 characters")]
    public string TeamName { get; set; } = "";

    [MaxLength(100, ErrorMessage = "is at most 100 characters")]
    [RegularExpression(@"^\s*$|^[^@\s]+@[^@\s]+\.[^@\s]+$", ErrorMessage = "is not an email address")]
    public string? Email { get; set; }

    [MaxLength(40, ErrorMessage = "is at most 40 characters")]
    [RegularExpression(@"^\s*$|^\+?[0-9][0-9 ().\-]{2,38}$", ErrorMessage = "is not a phone number (digits, spaces, + - . ( ) only)")]
    public string? Voicemail { get; set; }

    /// <summary>The rule no single attribute expresses: at least one way to reach the team.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Voicemail))
        {
            yield return new ValidationResult(
                "set an after-hours Email or Voicemail (or both) so customers have a way to reach you",
                [nameof(Email)]);
        }
    }
}
