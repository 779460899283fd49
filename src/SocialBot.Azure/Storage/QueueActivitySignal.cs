using System.Collections.Concurrent;

namespace SocialBot.Azure.Storage;

/// <summary>
/// Wakes an in-process queue listener as soon as this process puts a message on its queue, so a reply queued by
/// TriageMention is sent at once instead of after the listener's polling back-off. Messages from other processes are
/// still found by polling (at most <c>maxPollingInterval</c> later).
/// </summary>
public sealed class QueueActivitySignal
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _signals = new(StringComparer.Ordinal);

    public void Notify(string queueName)
    {
        var signal = Get(queueName);
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another notification got there first; one wake-up is enough.
            }
        }
    }

    /// <summary>Waits for a notification or the timeout, whichever comes first.</summary>
    public Task WaitAsync(string queueName, TimeSpan timeout, CancellationToken cancellationToken) =>
        Get(queueName).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim Get(string queueName) => _signals.GetOrAdd(queueName, _ => new SemaphoreSlim(0, 1));
}
