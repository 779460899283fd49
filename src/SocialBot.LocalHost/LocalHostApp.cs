using Azure.Storage.Queues;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Timers;
using SocialBot.Functions;
using SocialBot.Functions.Hosting;
using SocialBot.LocalHost.Hosting;

namespace SocialBot.LocalHost;

/// <summary>
/// Builds the local host: the app's services (<see cref="DependencyInjection.AddSocialBotApp"/>, the same call the
/// isolated worker makes), the WebJobs SDK with the storage queue extension configured from host.json and timers, the
/// job classes, and the HTTP functions as routes. Listens on <c>ASPNETCORE_URLS</c>, by default
/// <see cref="DefaultUrl"/> (loopback only).
/// </summary>
public static partial class LocalHostApp
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>The storage connection setting (a connection string, or <c>AzureWebJobsStorage__queueServiceUri</c> etc.).</summary>
    public const string StorageSetting = "AzureWebJobsStorage";

    /// <summary>The connection used when <see cref="StorageSetting"/> is not set: Azurite on its default ports.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // The WebJobs host adds appsettings.json and environment variables as configuration sources: first, so what the
        // caller configures next takes precedence.
        builder.AddLocalFunctionHost();
        configure?.Invoke(builder);
        if (!builder.Configuration.GetSection(StorageSetting).Exists())
        {
            // The queue extension reads the connection from configuration itself: give it the local emulator, the
            // same default the app's storage clients use, so a fresh checkout starts with nothing set.
            builder.Configuration.AddInMemoryCollection([new(StorageSetting, DevelopmentStorage)]);
        }

        builder.AddSocialBotApp();
        var app = builder.Build();
        app.MapHttpFunctions();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SocialBot.LocalHost");
            LogListening(logger, urls);
        });
        return app;
    }

    /// <summary>
    /// The WebJobs host: queue triggers with host.json's <c>extensions.queues</c> (read by the app into
    /// <see cref="QueueHostSettings"/>, registered by <see cref="DependencyInjection.AddSocialBotApp"/>), timer triggers, <c>%Setting%</c> resolved over the embedded defaults, and the
    /// job classes registered as <see cref="LocalJobType"/> (add yours with <c>services.AddSingleton(new LocalJobType(typeof(X)))</c>).
    /// </summary>
    public static WebApplicationBuilder AddLocalFunctionHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Host.ConfigureWebJobs(webJobs => webJobs.AddAzureStorageQueues().AddTimers());
        builder.Services.AddOptions<QueuesOptions>().Configure<QueueHostSettings>((options, settings) =>
        {
            options.BatchSize = settings.BatchSize;
            options.NewBatchThreshold = settings.NewBatchThreshold;
            options.MaxPollingInterval = settings.MaxPollingInterval;
            options.VisibilityTimeout = settings.VisibilityTimeout;
            options.MaxDequeueCount = settings.MaxDequeueCount;
            options.MessageEncoding = settings.Base64 ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None;
        });
        builder.Services.AddSingleton<Microsoft.Azure.WebJobs.Extensions.Timers.ScheduleMonitor, InMemoryScheduleMonitor>();
        builder.Services.AddSingleton<IWebJobsExceptionHandler, LoggingExceptionHandler>();
        builder.Services.AddSingleton<INameResolver, SettingNameResolver>();
        builder.Services.AddSingleton<ITypeLocator, JobTypeLocator>();
        builder.Services.AddSingleton(new LocalJobType(typeof(QueueFunctions)));
        builder.Services.AddSingleton<QueueFunctions>();
        builder.Services.AddSingleton(new LocalJobType(typeof(TimerFunctions)));
        builder.Services.AddSingleton<TimerFunctions>();
        return builder;
    }

    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "SocialBot local host listening on {Urls} (loopback only unless ASPNETCORE_URLS says otherwise); GET /api/health")]
    private static partial void LogListening(ILogger logger, string urls);
}
