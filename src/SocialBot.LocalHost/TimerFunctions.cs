using Microsoft.Azure.WebJobs;
using SocialBot.Functions.Functions;

namespace SocialBot.LocalHost;

/// <summary>
/// The app's timer-triggered functions on the WebJobs SDK: named as in the Functions app, with the same schedule
/// setting, calling the same function class. The drift guard fails when this list and the app's functions.metadata disagree.
/// </summary>
public sealed class TimerFunctions
{
    private readonly PollNetworks _pollNetworks;
    private readonly SweepRetention _sweepRetention;

    public TimerFunctions(PollNetworks pollNetworks, SweepRetention sweepRetention)
    {
        _pollNetworks = pollNetworks;
        _sweepRetention = sweepRetention;
    }

    [FunctionName(nameof(PollNetworks))]
    public Task PollNetworksAsync([TimerTrigger(PollNetworks.Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        _pollNetworks.HandleAsync(cancellationToken);

    [FunctionName(nameof(SweepRetention))]
    public Task SweepRetentionAsync([TimerTrigger(SweepRetention.Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        _sweepRetention.HandleAsync(cancellationToken);
}
