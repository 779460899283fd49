using SocialBot.Testing.Inbox;

namespace SocialBot.Inbox.Tests;

/// <summary>One system Chromium for the browser tests of a class.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public SystemChromium Chromium { get; private set; } = null!;

    public async Task InitializeAsync() => Chromium = await SystemChromium.LaunchAsync();

    public async Task DisposeAsync() => await Chromium.DisposeAsync();
}
