using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Handoffs;
using SocialBot.Testing;

namespace SocialBot.Cli.Tests;

/// <summary>Escalation notices: queued by triage for urgent handoffs, POSTed by NotifyEscalation, retried when the webhook fails.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AgentEscalationTests : IAsyncLifetime
{
    private readonly AgentDesk _desk;

    public AgentEscalationTests(AzuriteFixture azurite)
    {
        _desk = new AgentDesk(azurite);
    }

    public async Task InitializeAsync()
    {
        _desk.Cli.Time.SetUtcNow(AgentDesk.Local(2026, 11, 23, 21, 20));
        await _desk.ProvisionAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task NotifyEscalation_ShouldThrowSoTheQueueRetries_WhenTheWebhookFails_ThenDeliver()
    {
        // Arrange
        using var webhook = new FakeWebhook(HttpStatusCode.InternalServerError, HttpStatusCode.OK);
        var settings = new Dictionary<string, string?> { ["SocialBot:Escalation:WebhookUrl"] = webhook.Url, ["SocialBot:Escalation:OnCall"] = "@oncall-maria" };
        await _desk.TriageAsync("refund-complaint.json", settings);
        var notice = Assert.Single(await _desk.DrainAsync("notifications"));
        using var services = _desk.Services(settings);
        var processor = services.GetRequiredService<NotifyEscalationProcessor>();

        // Act
        var first = await Record.ExceptionAsync(() => processor.ProcessAsync(notice));
        var second = await processor.ProcessAsync(notice);

        // Assert
        Assert.Contains("500", first?.Message, StringComparison.Ordinal);
        Assert.True(second.Completed);
        Assert.Equal(2, webhook.Bodies.Count);
        using var body = JsonDocument.Parse(webhook.Bodies[1]);
        Assert.Equal("twitter/1861234567890001", body.RootElement.GetProperty("handoffId").GetString());
        Assert.Equal("urgent", body.RootElement.GetProperty("priority").GetString());
        Assert.True(body.RootElement.GetProperty("arrivedAfterHours").GetBoolean());
        Assert.Equal("@oncall-maria", body.RootElement.GetProperty("onCall").GetString());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("text").ValueKind);
        Assert.DoesNotContain("refund", webhook.Bodies[1], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Triage_ShouldQueueNoNotice_WhenNoWebhookIsConfigured()
    {
        // Act
        await _desk.TriageAsync("refund-complaint.json");

        // Assert
        Assert.Empty(await _desk.DrainAsync("notifications"));
        Assert.Single(await _desk.DrainAsync("handoffs-urgent"));
    }

    /// <summary>A loopback HTTP server answering the given statuses in turn and recording request bodies.</summary>
    private sealed class FakeWebhook : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Queue<HttpStatusCode> _answers;

        public FakeWebhook(params HttpStatusCode[] answers)
        {
            _answers = new Queue<HttpStatusCode>(answers);
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hooks/socialbot/";
            }

            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public List<string> Bodies { get; } = [];

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using (var reader = new StreamReader(context.Request.InputStream))
                {
                    Bodies.Add(await reader.ReadToEndAsync());
                }

                context.Response.StatusCode = (int)(_answers.Count > 0 ? _answers.Dequeue() : HttpStatusCode.OK);
                context.Response.Close();
            }
        }
    }
}
