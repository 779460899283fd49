using Xunit;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace SocialBot.Testing;

/// <summary>
/// Starts Azurite once (in memory, on free loopback ports) for every integration test in the collection, installing it
/// with npm into the repository's .tools/azurite when it is missing, and kills its process tree at the end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    public string ConnectionString { get; private set; } = "";

    public QueueServiceClient Queues { get; private set; } = null!;

    public TableServiceClient Tables { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = await EnsureInstalledAsync();
        int[] ports = [FreePort(), FreePort(), FreePort()];
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--inMemoryPersistence",
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        foreach (var port in ports)
        {
            await WaitForPortAsync(port, TimeSpan.FromSeconds(30));
        }

        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey
            + $";BlobEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ports[1]}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1;";
        Queues = new QueueServiceClient(ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        Tables = new TableServiceClient(ConnectionString);
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Deletes every queue and every table entity so each test starts from empty storage.</summary>
    public async Task ResetAsync()
    {
        await foreach (var queue in Queues.GetQueuesAsync())
        {
            await Queues.DeleteQueueAsync(queue.Name);
        }

        await foreach (var table in Tables.QueryAsync())
        {
            var client = Tables.GetTableClient(table.Name);
            await foreach (var entity in client.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                await client.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All);
            }
        }
    }

    public static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SocialBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SocialBot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// The Azurite executable in the repository's .tools folder, installed from npm when missing. Test projects run in
    /// parallel, each in its own process, so the install is done once under a file lock and marked complete
    /// afterwards: without that, a second <c>npm install</c> rewrote node_modules under an Azurite another project had
    /// just started from the first install's links (it died before listening: "connection refused" on a fresh clone).
    /// </summary>
    public static async Task<string> EnsureInstalledAsync()
    {
        var prefix = Path.Combine(RepoRoot(), ".tools", "azurite");
        var executable = Path.Combine(prefix, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        var installed = Path.Combine(prefix, ".installed");
        if (File.Exists(installed) && File.Exists(executable))
        {
            return executable;
        }

        Directory.CreateDirectory(prefix);
        using var installLock = await LockAsync(Path.Combine(prefix, ".install.lock"), TimeSpan.FromMinutes(6));
        if (!File.Exists(executable))
        {
            await InstallAsync(prefix, executable);
        }

        await File.WriteAllTextAsync(installed, "azurite@3\n");
        return executable;
    }

    private static async Task InstallAsync(string prefix, string executable)
    {
        var install = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "install", "--prefix", prefix, "--no-audit", "--no-fund", "azurite@3" })
        {
            install.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(install) ?? throw new InvalidOperationException("npm did not start");
        var output = npm.StandardOutput.ReadToEndAsync();
        var error = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await npm.WaitForExitAsync(timeout.Token);
        if (npm.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException($"npm install azurite@3 failed ({npm.ExitCode}): {await output}{await error}");
        }
    }

    /// <summary>An exclusive lock on <paramref name="path"/> across processes, waited for up to <paramref name="limit"/>.</summary>
    private static async Task<FileStream> LockAsync(string path, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (watch.Elapsed < limit)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts connections on the loopback port.</summary>
    public static async Task WaitForPortAsync(int port, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (watch.Elapsed < limit)
            {
                await Task.Delay(50);
            }
        }
    }
}
