namespace SocialBot.Azure.BotConnector;

/// <summary>How the Connector client retries 429 and 5xx answers; <see cref="Delay"/> is replaceable in tests.</summary>
public sealed record ConnectorRetryPolicy
{
    public int MaxAttempts { get; init; } = 4;

    /// <summary>First back-off when the Connector sends no Retry-After; doubles each attempt.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts, whatever Retry-After says; longer waits are the queue's job.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Waits between attempts; null uses <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }
}
