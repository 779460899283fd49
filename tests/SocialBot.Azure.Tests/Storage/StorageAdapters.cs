using SocialBot.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialBot.Azure.Storage;
using SocialBot.Core;
using SocialBot.Core.Mentions;
using SocialBot.Core.Replies;
using SocialBot.Testing;

namespace SocialBot.Azure.Tests.Storage;

/// <summary>
/// The storage adapters as the app registers them (<c>AddSocialBotStorage</c>), on the test's Azurite, provisioned, with
/// a fake clock: contract tests resolve the ports, never the adapter classes.
/// </summary>
internal static class StorageAdapters
{
    public static readonly DateTimeOffset At = new(2026, 11, 30, 22, 0, 0, TimeSpan.Zero);

    public static async Task<ServiceProvider> StartAsync(AzuriteFixture azurite)
    {
        await azurite.ResetAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
        }).AddSocialBotDefaults().Build();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(At))
            .AddSocialBotCore(configuration)
            .AddSocialBotStorage(configuration)
            .AddSingleton(new StorageClients(azurite.Queues, azurite.Tables))
            .BuildServiceProvider();
        await services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync();
        return services;
    }

    public static Mention Mention(string id = "m1", string text = "still waiting 😡 for my refund") => new()
    {
        Id = id,
        Channel = "twitter",
        ConversationId = "conversation-" + id,
        Author = new MentionAuthor { Id = "a-" + id, Handle = "@dana_k", Name = "Dana 🌸" },
        Text = text,
        ReceivedAt = At,
        NetworkReference = new Dictionary<string, string> { ["tweetId"] = id },
    };

    public static OutgoingReply Reply(string id = "m1", string text = "Hi Dana 👋 we're back at 9:00.") => new()
    {
        ReplyId = $"twitter/{id}/acknowledgement",
        MentionId = id,
        Channel = "twitter",
        ConversationId = "conversation-" + id,
        Kind = ReplyKind.Acknowledgement,
        Text = text,
        CreatedAt = At,
    };
}
