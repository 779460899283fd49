using SocialBot.Core.Mentions;

namespace SocialBot.Core.Processing;

/// <summary>
/// Side effects that must happen once per key even when a message is delivered again: the escalation notice and the
/// <c>handoff.initiate</c> event of a handoff (keyed by handoff id). Each is recorded after it was done, so only a
/// crash between doing and recording can repeat it (receivers de-duplicate on the handoff id).
/// </summary>
public interface IEffectLog
{
    Task<bool> HasDoneAsync(Mention mention, string effect, CancellationToken cancellationToken = default);

    Task MarkDoneAsync(Mention mention, string effect, DateTimeOffset at, CancellationToken cancellationToken = default);
}
