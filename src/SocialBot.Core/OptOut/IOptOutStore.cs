namespace SocialBot.Core.OptOut;

/// <summary>
/// Authors who asked for no more automatic replies on a channel ("stop"), with the date. Triage reads it before
/// deciding and writes it when a mention is an opt-out; agents' replies are not affected. A table store implements it.
/// </summary>
public interface IOptOutStore
{
    /// <summary>When the author opted out of automatic replies on the channel; null when they did not.</summary>
    Task<DateTimeOffset?> FindAsync(string channel, string authorId, CancellationToken cancellationToken = default);

    /// <summary>Records the opt-out (idempotent: the first date is kept).</summary>
    Task RecordAsync(string channel, string authorId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
