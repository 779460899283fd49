namespace SocialBot.Core.Handoffs;

/// <summary>Why the handoff rules refused a request, so a caller can answer with the right status (404, 409).</summary>
public enum HandoffRefusal
{
    /// <summary>The request itself is not acceptable (an empty reply, for instance).</summary>
    Invalid,

    /// <summary>No handoff has that id.</summary>
    NotFound,

    /// <summary>Someone else holds it, it is resolved, or it is not held by the caller: the state does not allow it.</summary>
    Conflict,
}

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
