using SocialBot.Testing;
using SocialBot.Testing.LocalHost;

namespace SocialBot.Networks.Tests.EndToEnd;

/// <summary>The steps every PollNetworks end-to-end test takes on the running local host.</summary>
internal static class TimerRun
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Waits until the timer's poll led to a reply on the fake network, moves the clock past the poll interval, waits
    /// until the timer polled again and the queues are drained (the second poll's mentions fully processed).
    /// </summary>
    public static async Task ReplyThenPollAgainAsync(RunningApp app, SteppedClock clock, string network, Func<int> posts, Func<int> polls)
    {
        Assert.True(await TestQueues.EventuallyAsync(() => Task.FromResult(posts() >= 1), Limit), $"no reply reached the fake {network} API");
        var pollsBefore = polls();
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await TestQueues.EventuallyAsync(() => Task.FromResult(polls() > pollsBefore), Limit), $"the timer did not poll {network} again");
        Assert.True(await TestQueues.EventuallyAsync(() => DrainedAsync(app), Limit), "the second poll was not processed");
    }

    private static async Task<bool> DrainedAsync(RunningApp app)
    {
        var status = await app.Status.ReadAsync();
        return status.Queues.TryGetValue("mentions", out var mentions) && mentions == 0
            && status.Queues.TryGetValue("replies", out var replies) && replies == 0
            && status.Pending == 0;
    }
}
