using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Storage.Queues;

namespace SocialBot.Functions.Tests.Faults;

/// <summary>
/// Its own Azurite persisting to a temporary directory (not in memory, so data survives a restart) on fixed free
/// loopback ports, which can be stopped (SIGTERM, so it saves its state) and started again on the same ports.
/// Uses the Azurite the collection's <see cref="AzuriteFixture"/> installed.
/// </summary>
internal sealed class RestartableAzurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _location = Directory.CreateTempSubdirectory("socialbot-azurite-").FullName;
    private readonly int[] _ports;
    private Process? _process;

    private RestartableAzurite(int[] ports)
    {
        _ports = ports;
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey
            + string.Create(CultureInfo.InvariantCulture, $";BlobEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ports[1]}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1;");
        Queues = new QueueServiceClient(ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
    }

    public string ConnectionString { get; }

    public QueueServiceClient Queues { get; }

    public static async Task<RestartableAzurite> StartAsync()
    {
        var azurite = new RestartableAzurite([AzuriteFixture.FreePort(), AzuriteFixture.FreePort(), AzuriteFixture.FreePort()]);
        await azurite.StartAgainAsync();
        return azurite;
    }

    public async Task StartAgainAsync()
    {
        var executable = await AzuriteFixture.EnsureInstalledAsync();
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--location", _location,
            "--blobHost", "127.0.0.1", "--blobPort", Port(0),
            "--queueHost", "127.0.0.1", "--queuePort", Port(1),
            "--tableHost", "127.0.0.1", "--tablePort", Port(2),
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        foreach (var port in _ports)
        {
            await AzuriteFixture.WaitForPortAsync(port, TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Asks Azurite to shut down (SIGTERM: it closes its servers and saves), killing it if it does not within 10 s.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-s", "TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
        _process = null;
    }

    public async Task EnqueueAsync(string queueName, string text)
    {
        var queue = Queues.GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temporary directory is cleaned up by the system later.
        }
    }

    private string Port(int index) => _ports[index].ToString(CultureInfo.InvariantCulture);
}
