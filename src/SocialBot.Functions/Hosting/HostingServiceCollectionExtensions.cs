using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialBot.Azure.Storage;
using SocialBot.Core.Processing;

namespace SocialBot.Functions.Hosting;

internal static partial class HostingServiceCollectionExtensions
{
    /// <summary>True when the Functions host started us (it sets FUNCTIONS_CUSTOMHANDLER_PORT); otherwise standalone mode.</summary>
    public static bool IsFunctionsMode(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["FUNCTIONS_CUSTOMHANDLER_PORT"]);

    /// <summary>Standalone mode: one queue listener per queue-triggered function in the app folder, and storage created at start.</summary>
    public static IServiceCollection AddStandaloneQueueHost(this IServiceCollection services, FunctionCatalog catalog, IConfiguration configuration)
    {
        var lease = configuration.GetValue("SocialBot:Standalone:MessageLease", TimeSpan.FromMinutes(2));
        foreach (var function in catalog.Functions)
        {
            services.AddSingleton<IHostedService>(sp => new StandaloneQueueListener(
                function,
                catalog.Settings,
                sp.GetRequiredService<StorageClients>(),
                sp.GetRequiredService<FunctionDispatcher>(),
                sp.GetRequiredService<IPoisonQueue>(),
                sp.GetRequiredService<QueueMessageCodec>(),
                sp.GetRequiredService<QueueActivitySignal>(),
                lease,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger($"SocialBot.Functions.{function.Name}")));
        }

        return services;
    }

    /// <summary>Both modes: creates the queues (with poison twins) and tables at start, so a fresh storage account or Azurite works.</summary>
    public static IServiceCollection AddStorageStartup(this IServiceCollection services) => services.AddHostedService<StorageStartup>();

    /// <summary>Creates queues and tables before the listeners start.</summary>
    private sealed partial class StorageStartup : IHostedService
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

        [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "Could not create some storage at start ({Problems}); they must exist already (infra/ provisions them) or storage is unreachable")]
        private static partial void LogNotCreated(ILogger logger, string problems);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
