using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SocialBot.Azure.Storage;
using SocialBot.Core.Processing;
using SocialBot.Core.Serialization;

namespace SocialBot.Testing;

/// <summary>Queue helpers for tests against Azurite (base64 message text, as host.json says), and the sample mentions.</summary>
public static class TestQueues
{
    public static async Task EnqueueAsync(AzuriteFixture azurite, string queueName, string text)
    {
        var queue = azurite.Queues.GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }

    public static async Task<List<string>> PeekAsync(AzuriteFixture azurite, string queueName)
    {
        var queue = azurite.Queues.GetQueueClient(queueName);
        if (!(await queue.ExistsAsync()).Value)
        {
            return [];
        }

        var messages = (await queue.PeekMessagesAsync(32)).Value;
        return messages.Select(message => Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText))).ToList();
    }

    public static async Task<List<PoisonMessage>> PoisonAsync(AzuriteFixture azurite, string queueName) =>
        (await PeekAsync(azurite, StorageQueueOutbound.PoisonName(queueName)))
            .Select(text => JsonSerializer.Deserialize<PoisonMessage>(text, SocialBotJson.Options)!)
            .ToList();

    /// <summary>Polls until the condition holds or the limit passes; returns whether it held.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return await condition();
    }

    public static string Sample(string name) =>
        File.ReadAllText(Path.Combine(AzuriteFixture.RepoRoot(), "samples", "mentions", name));
}
