using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SocialBot.LoadTest;

/// <summary>
/// Counts every storage request the app makes, by service and operation (queue receive, empty receive, put, delete,
/// update; table read, write), through Azure.Core pipeline policies added to the app's clients.
/// </summary>
internal sealed class StorageOperationCounter
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public HttpPipelinePolicy QueuePolicy => new CountingPolicy(this, "queue");

    public HttpPipelinePolicy TablePolicy => new CountingPolicy(this, "table");

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    /// <summary>The difference between two snapshots, operation by operation.</summary>
    public static SortedDictionary<string, long> Difference(IReadOnlyDictionary<string, long> after, IReadOnlyDictionary<string, long> before) =>
        new(after.ToDictionary(pair => pair.Key, pair => pair.Value - before.GetValueOrDefault(pair.Key), StringComparer.Ordinal), StringComparer.Ordinal);

    private void Count(string operation) => _counts.AddOrUpdate(operation, 1, (_, count) => count + 1);

    private sealed class CountingPolicy : HttpPipelinePolicy
    {
        private static readonly byte[] MessageElement = "<QueueMessage>"u8.ToArray();

        private readonly StorageOperationCounter _counter;
        private readonly string _service;

        public CountingPolicy(StorageOperationCounter counter, string service)
        {
            _counter = counter;
            _service = service;
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            _counter.Count(Classify(message));
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            _counter.Count(Classify(message));
        }

        private string Classify(HttpMessage message)
        {
            var method = message.Request.Method;
            var path = message.Request.Uri.Path;
            if (_service == "table")
            {
                return method == RequestMethod.Get ? "table.read" : method == RequestMethod.Delete ? "table.delete" : "table.write";
            }

            if (path.EndsWith("/messages", StringComparison.Ordinal))
            {
                if (method == RequestMethod.Get)
                {
                    var empty = !message.HasResponse || message.Response.Content.ToMemory().Span.IndexOf(MessageElement) < 0;
                    return empty ? "queue.receive.empty" : "queue.receive";
                }

                return method == RequestMethod.Post ? "queue.put" : "queue.other";
            }

            if (path.Contains("/messages/", StringComparison.Ordinal))
            {
                return method == RequestMethod.Delete ? "queue.delete" : method == RequestMethod.Put ? "queue.update" : "queue.other";
            }

            return "queue.other";
        }
    }
}
