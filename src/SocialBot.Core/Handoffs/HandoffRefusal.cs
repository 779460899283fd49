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
