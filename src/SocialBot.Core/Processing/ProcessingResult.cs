namespace SocialBot.Core.Processing;

/// <summary>How handling one queue message ended. Transient failures are exceptions (the queue retries); these are values.</summary>
public sealed record ProcessingResult
{
    private ProcessingResult(bool completed, string? poisonReason, string summary)
    {
        Completed = completed;
        PoisonReason = poisonReason;
        Summary = summary;
    }

    /// <summary>Done (including "already done by an earlier delivery"): delete the message.</summary>
    public bool Completed { get; }

    /// <summary>Set when retrying cannot help: the message goes to the poison queue at once with this reason.</summary>
    public string? PoisonReason { get; }

    /// <summary>One line for the invocation log (no customer text).</summary>
    public string Summary { get; }

    public static ProcessingResult Done(string summary) => new(true, null, summary);

    public static ProcessingResult Poison(string reason) => new(false, reason, "poisoned: " + reason);
}
