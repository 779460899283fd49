using System.Collections.Concurrent;
using SocialBot.Core.Replies;

namespace SocialBot.Functions.Tests.Faults;

/// <summary>A reply channel that fails the first <see cref="TransientFailures"/> attempts per reply (or always), and counts deliveries per ReplyId.</summary>
internal sealed class FaultyReplyChannel : IReplyChannel
{
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _deliveries = new(StringComparer.Ordinal);

    public int TransientFailures { get; init; }

    public bool Permanent { get; init; }

    public string Name => "faulty";

    public IReadOnlyDictionary<string, int> Deliveries => _deliveries;

    /// <summary>The reply ids the channel was asked to send, delivered or not.</summary>
    public IReadOnlyCollection<string> Attempted => [.. _attempts.Keys];

    public int AttemptsFor(string replyId) => _attempts.GetValueOrDefault(replyId);

    public Task SendAsync(OutgoingReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var attempt = _attempts.AddOrUpdate(reply.ReplyId, 1, (_, n) => n + 1);
        if (Permanent)
        {
            throw new PermanentDeliveryException("403 Forbidden: the bot was removed from the conversation");
        }

        if (attempt <= TransientFailures)
        {
            throw new HttpRequestException($"503 Service Unavailable (attempt {attempt})");
        }

        _deliveries.AddOrUpdate(reply.ReplyId, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
