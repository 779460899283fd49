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

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var name in _status.QueueNames)
        {
            await _clients.Queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var table in TableNames.All)
        {
            await _clients.Tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }
    }
}
