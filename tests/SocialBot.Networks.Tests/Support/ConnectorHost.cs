using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialBot.Core;
using SocialBot.Core.Networks;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;
using SocialBot.Networks.Common;
using SocialBot.Testing.Http;
using SocialBot.Core.Configuration;

namespace SocialBot.Networks.Tests.Support;

/// <summary>The connectors as the app registers them, with the state and queue ports in memory and a fake clock.</summary>
internal sealed class ConnectorHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public ConnectorHost(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).AddSocialBotDefaults().Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<INetworkStateStore>(Store);
        services.AddSingleton<IMentionQueue>(Queue);
        services.AddSocialBotCore(configuration);
        services.AddSocialBotNetworks(configuration);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public TimerWatchingTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 30, 22, 30, 0, TimeSpan.Zero));

    public InMemoryNetworkStateStore Store { get; } = new();

    public RecordingMentionQueue Queue { get; } = new();

    public INetworkPoller Poller(string name) => _provider.GetServices<INetworkPoller>().Single(poller => poller.Name == name);

    public IReplyChannel Channel(string name) => _provider.GetServices<IReplyChannel>().Single(channel => channel.Name == name);

    public INetworkCheck Check(string name) => _provider.GetServices<INetworkCheck>().Single(check => check.Name == name);

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose() => _provider.Dispose();
}
