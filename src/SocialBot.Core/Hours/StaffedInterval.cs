using NodaTime;
using NodaTime.TimeZones;

namespace SocialBot.Core.Hours;

/// <summary>A staffed stretch in UTC ticks, start inclusive, end exclusive.</summary>
internal readonly record struct StaffedInterval(long Start, long End)
{
    public bool Contains(long ticks) => ticks >= Start && ticks < End;
}
