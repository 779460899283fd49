using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Azure.Storage;
using SocialBot.Functions.Functions;

namespace SocialBot.Functions.Tests.Functions;

public sealed class HealthTests
{
    [Fact]
    public async Task Run_ShouldAnswer503WithTheReason_WhenStorageIsNotReachable()
    {
        // Arrange: a loopback port nobody listens on
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;QueueEndpoint=http://127.0.0.1:{AzuriteFixture.FreePort()}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{AzuriteFixture.FreePort()}/devstoreaccount1;";
        var options = new QueueClientOptions { Retry = { MaxRetries = 0 } };
        var health = new Health(new StorageClients(new QueueServiceClient(connection, options), new TableServiceClient(connection)));
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();

        // Act
        var result = await health.RunAsync(context.Request);
        await result.ExecuteAsync(context);

        // Assert
        Assert.Equal(503, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("reason").GetString()));
    }
}
