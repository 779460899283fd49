using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialBot.Azure.BotConnector;

namespace SocialBot.Azure.Tests.BotConnector;

public sealed class BotConnectorTokenProviderTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(BotTestValues.Now);
    private readonly FakeTokenCredential _credential;
    private readonly BotConnectorTokenProvider _provider;

    public BotConnectorTokenProviderTests()
    {
        _credential = new FakeTokenCredential(_time);
        _provider = new BotConnectorTokenProvider(_credential, _time, NullLogger<BotConnectorTokenProvider>.Instance);
    }

    public void Dispose() => _provider.Dispose();

    [Fact]
    public async Task GetToken_ShouldAskForTheBotFrameworkScope_WhenNothingIsCached()
    {
        var token = await _provider.GetTokenAsync();

        Assert.Equal("connector-token-1", token);
        Assert.Equal(["https://api.botframework.com/.default"], Assert.Single(_credential.Scopes));
    }

    [Fact]
    public async Task GetToken_ShouldReuseTheToken_UntilFiveMinutesBeforeItExpires()
    {
        await _provider.GetTokenAsync();
        _time.Advance(TimeSpan.FromMinutes(54));

        var reused = await _provider.GetTokenAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        var renewed = await _provider.GetTokenAsync();

        Assert.Equal("connector-token-1", reused);
        Assert.Equal("connector-token-2", renewed);
        Assert.Equal(2, _credential.Issued);
    }

    [Fact]
    public async Task GetToken_ShouldAskOnce_WhenManyCallersArriveTogether()
    {
        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _provider.GetTokenAsync().AsTask()));

        Assert.All(tokens, token => Assert.Equal("connector-token-1", token));
        Assert.Equal(1, _credential.Issued);
    }
}
