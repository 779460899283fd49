using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SocialBot.Core.Networks;

namespace SocialBot.Functions.Functions;

/// <summary>
/// Timer <c>%SocialBot:Networks:PollSchedule%</c> (default every 10 seconds): calls every registered
/// <see cref="INetworkPoller"/> (only the networks whose credentials are set are registered). Each poller decides itself
/// whether a poll is due (its interval, the backoff after a rate limit), so a frequent schedule is cheap. One failing
/// poller never stops the others; outcomes are logged as counts, never customer text.
/// </summary>
public sealed partial class PollNetworks
{
    /// <summary>The schedule setting (six-field NCRONTAB), resolved from the app settings by either host.</summary>
    public const string Schedule = "%SocialBot:Networks:PollSchedule%";

    private readonly IReadOnlyList<INetworkPoller> _pollers;
    private readonly ILogger<PollNetworks> _logger;

    public PollNetworks(IEnumerable<INetworkPoller> pollers, ILogger<PollNetworks> logger)
    {
        _pollers = [.. pollers];
        _logger = logger;
    }

    [Function(nameof(PollNetworks))]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, FunctionContext context) =>
        HandleAsync(context?.CancellationToken ?? default);

    /// <summary>The body, for any host: polls every network once (the pollers concurrently) and returns what each did.</summary>
    public async Task<IReadOnlyList<PollOutcome>> HandleAsync(CancellationToken cancellationToken)
    {
        var outcomes = await Task.WhenAll(_pollers.Select(poller => PollOneAsync(poller, cancellationToken)));
        return outcomes;
    }

    private async Task<PollOutcome> PollOneAsync(INetworkPoller poller, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await poller.PollAsync(cancellationToken);
            Log(outcome);
            return outcome;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One network's failure must not stop the others; the next tick polls it again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogPollerFailed(_logger, poller.Name, exception.GetType().Name);
            LogPollerFailedDetail(_logger, poller.Name, exception);
            return new PollOutcome { Network = poller.Name, Polled = false, Errors = [exception.GetType().Name] };
        }
    }

    private void Log(PollOutcome outcome)
    {
        if (!outcome.Polled)
        {
            LogNotDue(_logger, outcome.Network, outcome.NextPollAt);
            return;
        }

        if (outcome.Errors.Count == 0)
        {
            LogPolled(_logger, outcome.Network, outcome.Enqueued, outcome.Requests, outcome.NextPollAt);
            return;
        }

        // The error lines carry the networks' own messages: counts above Debug, the lines at Debug only.
        LogPolledWithErrors(_logger, outcome.Network, outcome.Enqueued, outcome.Requests, outcome.Errors.Count, outcome.NextPollAt);
        LogPollErrors(_logger, outcome.Network, outcome.Errors);
    }

    [LoggerMessage(EventId = 4501, Level = LogLevel.Debug, Message = "PollNetworks {Network}: not due (next poll at {NextPollAt})")]
    private static partial void LogNotDue(ILogger logger, string network, DateTimeOffset? nextPollAt);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Information, Message = "PollNetworks {Network}: {Enqueued} mention(s) enqueued in {Requests} request(s); next poll at {NextPollAt}")]
    private static partial void LogPolled(ILogger logger, string network, int enqueued, int requests, DateTimeOffset? nextPollAt);

    [LoggerMessage(EventId = 4503, Level = LogLevel.Warning, Message = "PollNetworks {Network}: {Enqueued} mention(s) enqueued in {Requests} request(s), {ErrorCount} feed(s) failed; next poll at {NextPollAt}")]
    private static partial void LogPolledWithErrors(ILogger logger, string network, int enqueued, int requests, int errorCount, DateTimeOffset? nextPollAt);

    [LoggerMessage(EventId = 4504, Level = LogLevel.Debug, Message = "PollNetworks {Network} feed errors: {Errors}")]
    private static partial void LogPollErrors(ILogger logger, string network, IReadOnlyList<string> errors);

    [LoggerMessage(EventId = 4505, Level = LogLevel.Warning, Message = "PollNetworks {Network}: the poller failed ({ErrorType}); the other networks were polled, the next tick tries it again")]
    private static partial void LogPollerFailed(ILogger logger, string network, string errorType);

    [LoggerMessage(EventId = 4506, Level = LogLevel.Debug, Message = "PollNetworks {Network}: poller failure detail")]
    private static partial void LogPollerFailedDetail(ILogger logger, string network, Exception exception);
}
