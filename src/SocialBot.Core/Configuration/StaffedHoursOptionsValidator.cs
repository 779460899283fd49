using Microsoft.Extensions.Options;

namespace SocialBot.Core.Configuration;

/// <summary>
/// Validates <c>SocialBot:StaffedHours</c> by building the schedule (time zone, windows, closed dates, holiday
/// calendar relative to <c>baseDirectory</c>): rules no annotation expresses. Failures name the key.
/// </summary>
internal sealed class StaffedHoursOptionsValidator : IValidateOptions<StaffedHoursOptions>
{
    private readonly string? _baseDirectory;

    public StaffedHoursOptionsValidator(string? baseDirectory = null)
    {
        _baseDirectory = baseDirectory;
    }

    public ValidateOptionsResult Validate(string? name, StaffedHoursOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ConfigurationCheck.Run(() => _ = Hours.StaffedHours.Create(options, _baseDirectory));
    }
}
