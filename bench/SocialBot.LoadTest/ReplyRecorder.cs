using System.Collections.Concurrent;
using System.Diagnostics;
using SocialBot.Core.Replies;

namespace SocialBot.LoadTest;

/// <summary>When each mention's reply was delivered (Stopwatch timestamps), and how many deliveries repeated a mention.</summary>
internal sealed class ReplyRecorder
{
    private readonly ConcurrentDictionary<string, long> _delivered = new(StringComparer.Ordinal);
    private int _repeats;

    public int Count => _delivered.Count;

    public int Repeats => Volatile.Read(ref _repeats);

    public IReadOnlyDictionary<string, long> Delivered => _delivered;

    public void Record(string mentionId)
    {
        if (!_delivered.TryAdd(mentionId, Stopwatch.GetTimestamp()))
        {
            Interlocked.Increment(ref _repeats);
        }
    }

    public void Clear()
    {
        _delivered.Clear();
        Volatile.Write(ref _repeats, 0);
    }
}

/// <summary>
/// Delivers through the app's own channel, then records the moment the delivery completed. Keeps the inner channel's
/// idempotency promise visible (<see cref="IIdempotentReplyChannel"/>), so SendReply does the same storage work as
/// without the recorder.
/// </summary>
internal class RecordingReplyChannel : IFallbackReplyChannel
{
    public static RecordingReplyChannel Wrap(IReplyChannel inner, ReplyRecorder recorder) =>
        inner is IIdempotentReplyChannel ? new IdempotentRecordingReplyChannel(inner, recorder) : new RecordingReplyChannel(inner, recorder);

    private readonly IReplyChannel _inner;
    private readonly ReplyRecorder _recorder;

    public RecordingReplyChannel(IReplyChannel inner, ReplyRecorder recorder)
    {
        _inner = inner;
        _recorder = recorder;
    }

    public string Name => _inner.Name;

    public async Task SendAsync(OutgoingReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        await _inner.SendAsync(reply, cancellationToken);
        _recorder.Record(reply.MentionId);
    }

    public async Task KeepAsync(OutgoingReply reply, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        await (_inner is IFallbackReplyChannel fallback ? fallback.KeepAsync(reply, reason, cancellationToken) : _inner.SendAsync(reply, cancellationToken));
        _recorder.Record(reply.MentionId);
    }
}

internal sealed class IdempotentRecordingReplyChannel : RecordingReplyChannel, IIdempotentReplyChannel
{
    public IdempotentRecordingReplyChannel(IReplyChannel inner, ReplyRecorder recorder)
        : base(inner, recorder)
    {
    }
}
