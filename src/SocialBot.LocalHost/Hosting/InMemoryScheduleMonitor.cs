using System.Collections.Concurrent;
using Microsoft.Azure.WebJobs.Extensions.Timers;

namespace SocialBot.LocalHost.Hosting;

/// <summary>
/// Timer schedule status kept in memory: one local process has nothing to coordinate with, and the SDK's default
/// monitor needs blob lease storage. Past-due occurrences of a timer are therefore not caught up after a restart.
/// </summary>
internal sealed class InMemoryScheduleMonitor : ScheduleMonitor
{
    private readonly ConcurrentDictionary<string, ScheduleStatus> _statuses = new(StringComparer.Ordinal);

    public override Task<ScheduleStatus> GetStatusAsync(string timerName) =>
        Task.FromResult(_statuses.TryGetValue(timerName, out var status) ? status : null!);

    public override Task UpdateStatusAsync(string timerName, ScheduleStatus status)
    {
        _statuses[timerName] = status;
        return Task.CompletedTask;
    }
}
