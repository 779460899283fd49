using Microsoft.Azure.WebJobs;

namespace SocialBot.Functions.Tests.Hosting;

/// <summary>
/// The timer pattern of src/SocialBot.LocalHost/README.md, in miniature: a WebJobs method named for the app's function,
/// with the same <c>%Setting%</c> schedule, calling the function class (here a counter).
/// </summary>
public sealed class SampleTimerFunctions
{
    public const string Name = "SampleSweep";

    public const string Schedule = "%SocialBot:Sample:SweepSchedule%";

    private readonly SampleTimerCalls _calls;

    public SampleTimerFunctions(SampleTimerCalls calls)
    {
        _calls = calls;
    }

    [FunctionName(Name)]
    public Task SweepAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        _calls.Record();
        return Task.CompletedTask;
    }
}

/// <summary>Counts the sample timer's runs and lets a test wait for the first.</summary>
public sealed class SampleTimerCalls
{
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task First => _first.Task;

    public void Record()
    {
        Interlocked.Increment(ref _count);
        _first.TrySetResult();
    }
}
