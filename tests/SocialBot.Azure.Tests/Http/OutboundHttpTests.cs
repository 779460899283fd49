using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Azure.Handoffs;
using SocialBot.Azure.Http;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Triage;

namespace SocialBot.Azure.Tests.Http;

public sealed class OutboundHttpTests : IAsyncLifetime
{
    private FakeHttpServer _target = null!;
    private FakeHttpServer _redirector = null!;

    public async Task InitializeAsync()
    {
        _target = await FakeHttpServer.StartAsync((context, _, _) =>
        {
            context.Response.StatusCode = 200;
            return Task.CompletedTask;
        });
        _redirector = await FakeHttpServer.StartAsync((context, _, _) =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = _target.BaseUrl + "/elsewhere";
            return Task.CompletedTask;
        });
    }

    public async Task DisposeAsync()
    {
        await _redirector.DisposeAsync();
        await _target.DisposeAsync();
    }

    [Fact]
    public async Task CreateClient_ShouldReturnTheRedirect_WhenTheServerRedirects()
    {
        using var client = OutboundHttp.CreateClient(TimeSpan.FromSeconds(10));

        using var response = await client.PostAsync(new Uri(_redirector.BaseUrl + "/v3/conversations"), new StringContent("{}"));

        Assert.Equal(307, (int)response.StatusCode);
        Assert.Empty(_target.Requests);
    }

    [Fact]
    public async Task EscalationWebhook_ShouldFailWithoutFollowing_WhenTheWebhookRedirects()
    {
        // Finding 12: the webhook client followed redirects, so a notice could be bounced to any host.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SocialBot:Escalation:WebhookUrl"] = _redirector.BaseUrl + "/hooks" })
            .Build();
        using var provider = new ServiceCollection().AddSocialBotHandoffs(configuration).BuildServiceProvider();
        var webhook = provider.GetRequiredService<IEscalationWebhook>();
        var notice = new EscalationNotice
        {
            HandoffId = "h-1",
            Priority = HandoffPriority.Urgent,
            Channel = "webchat",
            Reasons = ["urgent"],
            ArrivedAfterHours = true,
        };

        var exception = await Assert.ThrowsAsync<EscalationWebhookException>(() => webhook.PostAsync(notice));

        Assert.Equal(307, exception.Status);
        Assert.Empty(_target.Requests);
    }
}
