using Microsoft.Azure.Functions.Worker;
using SocialBot.Core.Privacy;

namespace SocialBot.Functions.Functions;

/// <summary>
/// Timer <c>%SocialBot:Retention:Schedule%</c> (default daily at 03:30 UTC): purges handoffs, conversation state, outbox
/// rows, sent markers and poison messages older than <c>SocialBot:Retention:Days</c> (<see cref="RetentionSweeper"/>,
/// which logs the counts per store). <c>socialbot retention run</c> does the same by hand.
/// </summary>
public sealed class SweepRetention
{
    /// <summary>The schedule setting (six-field NCRONTAB), resolved from the app settings by either host.</summary>
    public const string Schedule = "%SocialBot:Retention:Schedule%";

    private readonly RetentionSweeper _sweeper;

    public SweepRetention(RetentionSweeper sweeper)
    {
        _sweeper = sweeper;
    }

    [Function(nameof(SweepRetention))]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, FunctionContext context) =>
        HandleAsync(context?.CancellationToken ?? default);

    /// <summary>The body, for any host.</summary>
    public Task<PrivacyReport> HandleAsync(CancellationToken cancellationToken) => _sweeper.SweepAsync(cancellationToken);
}
