using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SocialBot.Functions.Tests;

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CustomHandlerEndpointTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;

    public CustomHandlerEndpointTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
    }

    public async Task InitializeAsync()
    {
        await _azurite.ResetAsync();

        // Under the Functions host nothing in the app creates storage; provisioning does (see the report).
        foreach (var queue in new[] { "mentions", "mentions-poison", "replies", "replies-poison", "handoffs", "handoffs-urgent" })
        {
            await _azurite.Queues.GetQueueClient(queue).CreateIfNotExistsAsync();
        }

        foreach (var table in new[] { "conversations", "outbox" })
        {
            await _azurite.Tables.CreateTableIfNotExistsAsync(table);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TriageMention_ShouldAnswerInvocationResult_WhenRecordedPayload()
    {
        // Arrange
        await using var app = await RunningApp.StartAsync(_azurite, FixedClock.AfterHours, functionsMode: true);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        // Act
        using var response = await PostAsync(client, File.ReadAllText(InvocationRequestTests.PayloadPath("triage-mention-shipping.json")));
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        Assert.Equal(JsonValueKind.Object, HostProperty(document.RootElement, "Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, HostProperty(document.RootElement, "Logs").ValueKind);
        Assert.Equal(JsonValueKind.Null, HostProperty(document.RootElement, "ReturnValue").ValueKind);
        Assert.Single(await RunningApp.PeekAsync(_azurite, "replies"));
    }

    [Fact]
    public async Task TriageMention_ShouldPoisonWithReasonAndAnswer200_WhenMentionInvalid()
    {
        // Arrange
        await using var app = await RunningApp.StartAsync(_azurite, FixedClock.AfterHours, functionsMode: true);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        // Act
        using var response = await PostAsync(client, File.ReadAllText(InvocationRequestTests.PayloadPath("triage-mention-missing-author.json")));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, HostProperty(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, "Logs").ValueKind);
        var poison = Assert.Single(await RunningApp.PoisonAsync(_azurite, "mentions"));
        Assert.Contains("invalid mention: author: is required", poison.Reason, StringComparison.Ordinal);
        Assert.Equal(1, poison.DequeueCount);
    }

    [Fact]
    public async Task TriageMention_ShouldAnswer400WithJson_WhenBodyIsGarbage()
    {
        // Arrange
        await using var app = await RunningApp.StartAsync(_azurite, FixedClock.AfterHours, functionsMode: true);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        // Act
        using var response = await PostAsync(client, "<<not json>>");
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JsonValueKind.Array, HostProperty(JsonDocument.Parse(body).RootElement, "Logs").ValueKind);
    }

    [Fact]
    public async Task FunctionsMode_ShouldNotListenToQueues()
    {
        // Arrange
        await using var app = await RunningApp.StartAsync(_azurite, FixedClock.AfterHours, functionsMode: true);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        // Act
        await RunningApp.EnqueueAsync(_azurite, "mentions", RunningApp.Sample("shipping-question.json"));
        using var ready = await client.GetAsync(new Uri("/", UriKind.Relative));
        var pending = (await app.Status.ReadAsync()).Pending;

        // Assert
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(1, pending);
    }

    /// <summary>The host reads the result with Newtonsoft, whose property matching ignores case.</summary>
    private static JsonElement HostProperty(JsonElement result, string name) =>
        result.EnumerateObject().Single(property => string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return client.PostAsync(new Uri("/TriageMention", UriKind.Relative), content);
    }
}
