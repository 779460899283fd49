namespace SocialBot.Azure.BotConnector;

/// <summary>How the Connector client retries 429 and 5xx answers; <see cref="Delay"/> is replaceable in tests.</summary>
public sealed record ConnectorRetryPolicy
{
    public int MaxAttempts { get; init; } = 4;

    /// <summary>First back-off when the Connector sends no Retry-After; doubles each attempt.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts, whatever Retry-After says; longer waits are the queue's job.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most time one send may take with all its attempts and waits (default 60 s): a wait that would end past it is
    /// not made, and an attempt still running at the deadline is cancelled; the queue retries later instead. Kept well
    /// below the send claim's lifetime (<c>TableSentReplyLog.StaleAfter</c>, 3 minutes), so a claim never goes stale
    /// while its send is still running.
    /// </summary>
    public TimeSpan TotalBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Waits between attempts; null uses <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }
}
