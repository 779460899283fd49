using Microsoft.Extensions.Hosting;
using SocialBot.Azure.Storage;

namespace SocialBot.Functions.Hosting;

/// <summary>
/// Creates the queues (with their poison twins) and tables at start, so a fresh storage account or Azurite works. A
/// failure is logged, not fatal: in Azure infra/ provisions them, and the triggers wait for storage on their own.
/// </summary>
internal sealed partial class StorageStartup : IHostedService
{
    private readonly StorageProvisioner _provisioner;
    private readonly ILogger<StorageStartup> _logger;

    public StorageStartup(StorageProvisioner provisioner, ILogger<StorageStartup> logger)
    {
        _provisioner = provisioner;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var problems = await _provisioner.EnsureCreatedAsync(cancellationToken);
        if (problems.Count > 0)
        {
            LogNotCreated(_logger, string.Join("; ", problems));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "Could not create some storage at start ({Problems}); they must exist already (infra/ provisions them) or storage is unreachable")]
    private static partial void LogNotCreated(ILogger logger, string problems);
}
