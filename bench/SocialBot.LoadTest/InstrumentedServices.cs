using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Azure.Storage;
using SocialBot.Core.Replies;

namespace SocialBot.LoadTest;

/// <summary>
/// Instruments the app's container after every registration is in (LocalHostApp.Build registers storage after its
/// configure callback runs, so the callback installs this factory): the storage clients get the counting policies, and
/// the registered <see cref="IFallbackReplyChannel"/> (the outbox) is wrapped to record each delivery time.
/// </summary>
internal sealed class InstrumentedServices : IServiceProviderFactory<IServiceCollection>
{
    private readonly string _connectionString;
    private readonly StorageOperationCounter _counter;
    private readonly ReplyRecorder _recorder;

    public InstrumentedServices(string connectionString, StorageOperationCounter counter, ReplyRecorder recorder)
    {
        _connectionString = connectionString;
        _counter = counter;
        _recorder = recorder;
    }

    public IServiceCollection CreateBuilder(IServiceCollection services)
    {
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        queueOptions.AddPolicy(_counter.QueuePolicy, HttpPipelinePosition.PerRetry);
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(_counter.TablePolicy, HttpPipelinePosition.PerRetry);
        var clients = new StorageClients(new QueueServiceClient(_connectionString, queueOptions), new TableServiceClient(_connectionString, tableOptions));
        Replace(services, typeof(StorageClients), _ => clients);

        var channel = services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(IFallbackReplyChannel) && !descriptor.IsKeyedService)
            ?? throw new InvalidOperationException("The app registered no IFallbackReplyChannel (the outbox)");
        Replace(services, typeof(IFallbackReplyChannel), sp => RecordingReplyChannel.Wrap((IReplyChannel)Create(sp, channel), _recorder));
        return services;
    }

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) =>
        new DefaultServiceProviderFactory().CreateServiceProvider(containerBuilder);

    private static void Replace(IServiceCollection services, Type serviceType, Func<IServiceProvider, object> factory)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == serviceType && !d.IsKeyedService).ToList())
        {
            services.Remove(descriptor);
        }

        services.AddSingleton(serviceType, factory);
    }

    private static object Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
