using System.Collections.Concurrent;
using SocialBot.Core.Networks;

namespace SocialBot.Networks.Tests.Support;

/// <summary>The state port in memory (the table adapter is tested over Azurite in SocialBot.Azure.Tests).</summary>
internal sealed class InMemoryNetworkStateStore : INetworkStateStore
{
    private readonly ConcurrentDictionary<(string, string), FeedState> _feeds = new();
    private readonly ConcurrentDictionary<(string, string), string> _replies = new();

    public Task<FeedState> GetAsync(string network, string feed, CancellationToken cancellationToken = default) =>
        Task.FromResult(_feeds.TryGetValue((network, feed), out var state) ? state : new FeedState { Network = network, Feed = feed });

    public Task SaveAsync(FeedState state, CancellationToken cancellationToken = default)
    {
        _feeds[(state.Network, state.Feed)] = state;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FeedState>> ListAsync(string network, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FeedState>>([.. _feeds.Values.Where(state => state.Network == network)]);

    public Task RecordReplyAsync(string network, string replyId, string platformPostId, DateTimeOffset postedAt, CancellationToken cancellationToken = default)
    {
        _replies[(network, replyId)] = platformPostId;
        return Task.CompletedTask;
    }

    public Task<string?> FindReplyAsync(string network, string replyId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_replies.TryGetValue((network, replyId), out var id) ? id : null);

    public Task<int> CountRepliesAsync(string network, CancellationToken cancellationToken = default) =>
        Task.FromResult(_replies.Keys.Count(key => key.Item1 == network));
}
