using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Hours;

namespace SocialBot.Cli.Commands;

/// <summary><c>socialbot hours</c>: whether the team is staffed at an instant, and when that changes.</summary>
internal static class HoursCommand
{
    public static Command Create(CliConsole console, CliServices services)
    {
        var atOption = CliOptions.At();
        var command = new Command("hours", "Show whether the team is staffed at an instant and when it next opens and closes.");
        command.Options.Add(atOption);
        command.SetAction(parseResult =>
        {
            using var provider = services.Build(parseResult.GetValue(CliOptions.Config), cloud: false);
            var at = CliOptions.ParseInstant(parseResult.GetValue(atOption), provider.GetRequiredService<TimeProvider>());
            var hours = provider.GetRequiredService<StaffedHours>();
            var view = new HoursView(
                hours.IsStaffed(at),
                hours.TimeZoneId,
                hours.ToLocal(hours.NextStaffedAt(at)),
                hours.ToLocal(hours.NextClosedAt(at)));
            if (CliOptions.IsText(parseResult))
            {
                console.Output.WriteLine($"{(view.Staffed ? "Staffed" : "Closed")} at {TimeZoneInfo.ConvertTime(at, hours.TimeZone).ToString("ddd yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)} ({view.TimeZone})");
                console.Output.WriteLine($"Next staffed: {Describe(view.NextStaffedAt)}");
                console.Output.WriteLine($"Next closed:  {Describe(view.NextClosedAt)}");
            }
            else
            {
                console.WriteJson(view);
            }

            return 0;
        });
        return command;
    }


    private static string Describe(DateTimeOffset? instant) =>
        instant is { } value ? value.ToString("ddd yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) : "never (within 400 days)";
}

/// <summary>The <c>hours</c> output contract (DESIGN.md section 4).</summary>
internal sealed record HoursView(bool Staffed, string TimeZone, DateTimeOffset? NextStaffedAt, DateTimeOffset? NextClosedAt);
