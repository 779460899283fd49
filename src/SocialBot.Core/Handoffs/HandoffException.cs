namespace SocialBot.Core.Handoffs;

/// <summary>An agent asked for something the handoff rules do not allow; the message says what and why, for a person.</summary>
public sealed class HandoffException : Exception
{
    public HandoffException()
    {
    }

    public HandoffException(string message)
        : base(message)
    {
    }

    public HandoffException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HandoffException(HandoffRefusal refusal, string message)
        : base(message)
    {
        Refusal = refusal;
    }

    /// <summary>What kind of refusal this is; <see cref="HandoffRefusal.Conflict"/> unless said otherwise.</summary>
    public HandoffRefusal Refusal { get; } = HandoffRefusal.Conflict;
}
