using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace SocialBot.LoadTest;

/// <summary>
/// Start-up of the app as its own process (<c>dotnet APP.dll</c>): one mention is already waiting on <c>mentions</c>;
/// times process start to the reply in the outbox table, then reads the process's working set. The staffed hours are
/// set to one hour a day twelve hours from now (UTC), so the mention is acknowledged whatever the hour.
/// </summary>
internal static class StartupProbe
{
    public static async Task<(double FirstReplyMilliseconds, long WorkingSetBytes)> RunAsync(string connection, string appDll, string sampleMention, CancellationToken cancellationToken)
    {
        var queue = new QueueServiceClient(connection, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }).GetQueueClient("mentions");
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(sampleMention)), cancellationToken: cancellationToken);
        var outbox = new TableServiceClient(connection).GetTableClient("outbox");

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(appDll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(appDll);
        start.Environment["AzureWebJobsStorage"] = connection;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["SocialBot__StaffedHours__TimeZone"] = "UTC";
        var open = (DateTime.UtcNow.Hour + 12) % 24;
        foreach (var day in Enum.GetNames<DayOfWeek>())
        {
            start.Environment[$"SocialBot__StaffedHours__Weekly__{day}__0"] = string.Create(CultureInfo.InvariantCulture, $"{open:00}:00-{(open + 1) % 24:00}:00");
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await foreach (var _ in outbox.QueryAsync<TableEntity>(maxPerPage: 1, cancellationToken: cancellationToken))
                    {
                        var elapsed = watch.Elapsed.TotalMilliseconds;
                        process.Refresh();
                        return (elapsed, process.WorkingSet64);
                    }
                }
                catch (global::Azure.RequestFailedException exception) when (exception.Status == 404)
                {
                    // The app has not created the outbox table yet.
                }

                await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
            }

            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
