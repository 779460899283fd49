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

    public TimerFunctions(PollNetworks pollNetworks)
    {
        _pollNetworks = pollNetworks;
    }

    [FunctionName(nameof(PollNetworks))]
    public Task PollNetworksAsync([TimerTrigger(PollNetworks.Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        _pollNetworks.HandleAsync(cancellationToken);
}
