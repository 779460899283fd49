using System.Diagnostics.Metrics;

namespace SocialBot.LoadTest;

/// <summary>
/// Counts every HTTP request this process makes to the storage ports (the .NET <c>http.client.request.duration</c>
/// metric), whoever makes it: the app's own adapters and the queue trigger's clients alike, which the pipeline policy
/// of <see cref="StorageOperationCounter"/> cannot see when a host builds its own clients.
/// </summary>
internal sealed class HttpStorageCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly HashSet<int> _ports;
    private long _count;

    public HttpStorageCounter(string connectionString)
    {
        _ports = connectionString.Split(';')
            .Where(part => part.Contains("Endpoint=", StringComparison.Ordinal))
            .Select(part => new Uri(part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..]).Port)
            .ToHashSet();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "server.port" && tag.Value is int port && _ports.Contains(port))
                {
                    Interlocked.Increment(ref _count);
                    return;
                }
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
