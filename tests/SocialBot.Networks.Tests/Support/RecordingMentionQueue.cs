using System.Collections.Concurrent;
using SocialBot.Core.Mentions;
using SocialBot.Core.Processing;

namespace SocialBot.Networks.Tests.Support;

internal sealed class RecordingMentionQueue : IMentionQueue
{
    private readonly ConcurrentQueue<Mention> _mentions = new();

    public IReadOnlyList<Mention> Mentions => [.. _mentions];

    public Task EnqueueMentionAsync(Mention mention, CancellationToken cancellationToken = default)
    {
        _mentions.Enqueue(mention);
        return Task.CompletedTask;
    }
}
