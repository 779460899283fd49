using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Azure.Storage;
using SocialBot.LocalHost;
using SocialBot.Testing;

namespace SocialBot.Testing.LocalHost;

/// <summary>The app started in-process on the local host (src/SocialBot.LocalHost) against Azurite, on a free loopback port.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningApp(WebApplication app)
    {
        _app = app;
    }

    public StorageStatus Status => _app.Services.GetRequiredService<StorageStatus>();

    public Uri BaseAddress
    {
        get
        {
            var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First());
        }
    }

    public static async Task<RunningApp> StartAsync(
        AzuriteFixture azurite,
        TimeProvider time,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var app = Build(azurite.ConnectionString, time, settings, services);
        await app.StartAsync();
        return new RunningApp(app);
    }

    /// <summary>The local host (not started) on a free loopback port, quiet logs, the given clock, settings and services.</summary>
    public static WebApplication Build(
        string storageConnectionString,
        TimeProvider time,
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        Action<IServiceCollection>? services = null) =>
        LocalHostApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = storageConnectionString,

                // The load and fault scenarios send many mentions from one sample author; the daily cap has its own tests.
                ["SocialBot:AutoReplies:MaxPerAuthorPerDay"] = "1000",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:SocialBot"] = "Error",
                ["Logging:LogLevel:Microsoft"] = "Error",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Services.AddSingleton(time);
            services?.Invoke(builder.Services);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });

    public async Task StopAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _app.StopAsync(cancellation.Token);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
