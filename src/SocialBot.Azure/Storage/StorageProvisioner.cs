using Azure;
using SocialBot.Core.Configuration;

namespace SocialBot.Azure.Storage;

/// <summary>Creates the queues (with their poison twins) and tables if they are missing; safe to run at every start.</summary>
public sealed class StorageProvisioner
{
    private readonly StorageClients _clients;
    private readonly StorageStatus _status;

    public StorageProvisioner(StorageClients clients, StorageStatus status)
    {
        _clients = clients;
        _status = status;
    }

    /// <summary>
    /// Creates what is missing. Returns what could not be created (for example 403 where the identity may use but not
    /// create queues, because the infrastructure provisions them), so the host can say so without failing to start.
    /// </summary>
    public async Task<IReadOnlyList<string>> EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        foreach (var name in _status.QueueNames)
        {
            await TryAsync($"queue {name}", () => _clients.Queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken), problems);
        }

        foreach (var table in TableNames.All)
        {
            await TryAsync($"table {table}", () => _clients.Tables.CreateTableIfNotExistsAsync(table, cancellationToken), problems);
        }

        return problems;
    }

    private static async Task TryAsync(string what, Func<Task> create, List<string> problems)
    {
        try
        {
            await create();
        }
        catch (RequestFailedException exception)
        {
            problems.Add($"{what}: {exception.Status} {exception.ErrorCode}");
        }
    }
}
