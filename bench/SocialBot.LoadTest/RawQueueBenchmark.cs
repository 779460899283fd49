using System.Diagnostics;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace SocialBot.LoadTest;

/// <summary>Azurite's own queue throughput, measured with the plain SDK in the same run as the app.</summary>
internal static class RawQueueBenchmark
{
    private const int SendsInFlight = 16;

    public static async Task<RawQueueResult> MeasureAsync(QueueServiceClient queues, string tag, int messages, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient($"raw-{tag}");
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            var send = await SendAsync(queue, messages, cancellationToken);
            var (batch16, requests16) = await ReceiveAndDeleteAsync(queue, messages, 16, cancellationToken);
            await SendAsync(queue, messages, cancellationToken);
            var (batch32, _) = await ReceiveAndDeleteAsync(queue, messages, 32, cancellationToken);
            return new RawQueueResult
            {
                Messages = messages,
                SendPerSecond = send,
                ReceiveDeleteBatch16PerSecond = batch16,
                ReceiveDeleteBatch32PerSecond = batch32,
                ReceiveDeleteBatch16RequestsPerSecond = requests16,
            };
        }
        finally
        {
            await queue.DeleteIfExistsAsync(CancellationToken.None);
        }
    }

    /// <summary>Sends with a fixed number of requests in flight; returns messages per second.</summary>
    public static async Task<double> SendAsync(QueueClient queue, int messages, CancellationToken cancellationToken, Func<int, string>? body = null)
    {
        body ??= MentionGenerator.Filler;
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, SendsInFlight).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < messages)
            {
                await queue.SendMessageAsync(body(index), cancellationToken);
            }
        }));
        return messages / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// One consumer: receive a batch, delete each message concurrently, repeat until all are gone. Returns messages per
    /// second and storage requests (receives and deletes) per second.
    /// </summary>
    private static async Task<(double Messages, double Requests)> ReceiveAndDeleteAsync(QueueClient queue, int messages, int batchSize, CancellationToken cancellationToken)
    {
        var done = 0;
        var requests = 0;
        var watch = Stopwatch.StartNew();
        while (done < messages)
        {
            QueueMessage[] batch = (await queue.ReceiveMessagesAsync(batchSize, TimeSpan.FromMinutes(2), cancellationToken)).Value;
            await Task.WhenAll(batch.Select(message => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken)));
            done += batch.Length;
            requests += 1 + batch.Length;
        }

        var seconds = watch.Elapsed.TotalSeconds;
        return (done / seconds, requests / seconds);
    }
}
