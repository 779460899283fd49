using System.Net.Http.Headers;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Azure.Storage;
using SocialBot.Core;
using SocialBot.Core.Configuration;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Processing;
using SocialBot.Inbox;

namespace SocialBot.Testing.Inbox;

/// <summary>
/// A minimal ASP.NET Core host on 127.0.0.1 (a free port) that serves the inbox against Azurite: the engine, storage and
/// <c>AddSocialBotInbox</c> + <c>MapSocialBotInbox</c>, as any host would. The development sign-in is on by default.
/// </summary>
public sealed class InboxTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InboxTestHost(WebApplication app)
    {
        _app = app;
    }

    public IServiceProvider Services => _app.Services;

    public IHandoffDesk Desk => Services.GetRequiredService<IHandoffDesk>();

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<InboxTestHost> StartAsync(
        string storageConnection, TimeProvider time, IReadOnlyDictionary<string, string?>? settings = null, string url = "http://127.0.0.1:0")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageClients.ConnectionName] = storageConnection,
            ["SocialBot:Inbox:DevSignIn"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:SocialBot"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Configuration.AddSocialBotDefaults();
        builder.Services.AddSingleton(time);
        builder.Services.AddSocialBotCore(builder.Configuration);
        builder.Services.AddSocialBotStorage(builder.Configuration);
        builder.Services.AddSocialBotInbox(builder.Configuration);
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.MapSocialBotInbox();
        await app.StartAsync();
        await app.Services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync();
        return new InboxTestHost(app);
    }

    /// <summary>A client signed in through the development sign-in headers, carrying the anti-forgery header.</summary>
    public HttpClient Client(string? agent, string? roles = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (agent is not null)
        {
            client.DefaultRequestHeaders.Add("X-SocialBot-Dev-Agent", agent);
        }

        if (roles is not null)
        {
            client.DefaultRequestHeaders.Add("X-SocialBot-Dev-Roles", roles);
        }

        client.DefaultRequestHeaders.Add("X-SocialBot-Inbox", "1");
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Does what the <c>SendReply</c> function does for every waiting reply: delivers it (to the outbox here).</summary>
    public async Task<int> DeliverRepliesAsync(CancellationToken cancellationToken = default)
    {
        var clients = Services.GetRequiredService<StorageClients>();
        var codec = Services.GetRequiredService<QueueMessageCodec>();
        var processor = Services.GetRequiredService<SendReplyProcessor>();
        var queue = clients.Queues.GetQueueClient(Services.GetRequiredService<SocialBotOptions>().Queues.Replies);
        var delivered = 0;
        while (true)
        {
            QueueMessage[] messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30), cancellationToken)).Value;
            if (messages.Length == 0)
            {
                return delivered;
            }

            foreach (var message in messages)
            {
                var text = codec.TryDecode(message.Body.ToString(), out _) ?? throw new InvalidOperationException("undecodable reply message");
                var result = await processor.ProcessAsync(text, cancellationToken);
                if (!result.Completed)
                {
                    throw new InvalidOperationException("reply not delivered: " + result.Summary);
                }

                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                delivered++;
            }
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
