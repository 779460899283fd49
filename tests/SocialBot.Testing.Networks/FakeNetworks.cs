namespace SocialBot.Testing.Networks;

/// <summary>The three fakes together (X, Bluesky, Mastodon), for a local run or a benchmark.</summary>
public sealed class FakeNetworks : IAsyncDisposable
{
    private FakeNetworks(FakeXApi x, FakeBlueskyApi bluesky, FakeMastodonApi mastodon)
    {
        X = x;
        Bluesky = bluesky;
        Mastodon = mastodon;
    }

    public FakeXApi X { get; }

    public FakeBlueskyApi Bluesky { get; }

    public FakeMastodonApi Mastodon { get; }

    public IReadOnlyList<FakeNetworkApi> All => [X, Bluesky, Mastodon];

    /// <summary>Starts the three fakes on free loopback ports, with credentials made up now (<paramref name="randomCredentials"/>) or the tests' ones.</summary>
    public static async Task<FakeNetworks> StartAsync(bool randomCredentials = true) =>
        new(await FakeXApi.StartAsync(randomCredentials), await FakeBlueskyApi.StartAsync(randomCredentials), await FakeMastodonApi.StartAsync(randomCredentials));

    /// <summary>The settings that point SocialBot at the three fakes.</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>();
        foreach (var network in All)
        {
            foreach (var (key, value) in network.Settings())
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var network in All)
        {
            await network.DisposeAsync();
        }
    }
}
