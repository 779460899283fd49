namespace SocialBot.Core.Processing;

/// <summary>A message on a <c>-poison</c> queue: the original message and why it could not be processed.</summary>
public sealed record PoisonMessage
{
    public required string Reason { get; init; }

    public required string Queue { get; init; }

    public required long DequeueCount { get; init; }

    public required DateTimeOffset PoisonedAt { get; init; }

    /// <summary>The original message text, as it was on the queue (decoded).</summary>
    public required string Message { get; init; }
}
