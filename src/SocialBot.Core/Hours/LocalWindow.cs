using System.Globalization;

namespace SocialBot.Core.Hours;

/// <summary>
/// One local wall-clock window of a weekday, in minutes from that day's midnight. <see cref="EndMinute"/> is greater
/// than <see cref="StartMinute"/>; above 1440 the window runs past midnight into the next day.
/// </summary>
internal readonly record struct LocalWindow(int StartMinute, int EndMinute)
{
    public const int MinutesPerDay = 24 * 60;

    public bool RunsPastMidnight => EndMinute > MinutesPerDay;

    /// <summary>The window as configured, e.g. <c>22:00-02:00</c> or <c>18:00-24:00</c>.</summary>
    public override string ToString() =>
        $"{Format(StartMinute)}-{Format(EndMinute == MinutesPerDay ? MinutesPerDay : EndMinute % MinutesPerDay)}";

    private static string Format(int minute) =>
        string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");
}
