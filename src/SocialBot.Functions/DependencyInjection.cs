using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialBot.Azure.BotConnector;
using SocialBot.Azure.Http;
using SocialBot.Azure.Language;
using SocialBot.Azure.Storage;
using SocialBot.Core;
using SocialBot.Core.Configuration;
using SocialBot.Functions.Functions;
using SocialBot.Functions.Hosting;
using SocialBot.Functions.Telemetry;
using SocialBot.Models;
using SocialBot.Inbox;
using SocialBot.Networks;

namespace SocialBot.Functions;

/// <summary>
/// Everything the functions need, for any host: the isolated worker (Program.cs) and the local host
/// (src/SocialBot.LocalHost) call the same <see cref="AddSocialBotApp"/>, so both run the same app.
/// </summary>
public static class DependencyInjection
{
    /// <summary>Where the app's files are (host.json, relative paths in the configuration); <c>SocialBot:AppRoot</c> overrides.</summary>
    public static string AppRoot(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Configuration["SocialBot:AppRoot"] ?? AppContext.BaseDirectory;
    }

    /// <summary>The engine, the storage and network adapters, telemetry, storage creation at start, and the function classes.</summary>
    public static IHostApplicationBuilder AddSocialBotApp(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The embedded defaults, once, under every other source (so appsettings, environment and arguments override them).
        builder.Configuration.AddSocialBotDefaults();
        var appRoot = AppRoot(builder);
        var queueSettings = QueueHostSettings.Load(appRoot);
        var configuration = builder.Configuration;
        builder.Services.AddSingleton(queueSettings);
        builder.Services.AddSocialBotCore(configuration, appRoot);
        builder.Services.AddSocialBotEmbeddings(configuration);
        if (!string.IsNullOrWhiteSpace(configuration["SocialBot:Bot:AppId"]))
        {
            // The Bot Connector becomes the reply channel; without a bot, replies go to the local outbox.
            builder.Services.AddSocialBotBotConnector(configuration);
        }

        builder.Services.AddSocialBotStorage(configuration, queueSettings.Base64);
        builder.Services.AddSocialBotNetworks(configuration);
        builder.Services.AddSocialBotHttpProtection(configuration);
        builder.Services.AddSocialBotLanguage(configuration);
        // First of the hosted services, so queues and tables exist before any trigger listener starts (the local
        // host registers its WebJobs host before this runs).
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StorageStartup>());
        builder.Services.AddSocialBotTelemetry(configuration);
        builder.Services.AddSingleton<QueueFunctionRunner>();
        builder.Services.AddSingleton<TriageMention>();
        builder.Services.AddSingleton<SendReply>();
        builder.Services.AddSingleton<NotifyEscalation>();
        builder.Services.AddSingleton<Messages>();
        builder.Services.AddSingleton<Health>();
        builder.Services.AddSingleton<MetaWebhook>();
        builder.Services.AddSingleton<PollNetworks>();
        builder.Services.AddSingleton<SweepRetention>();
        builder.Services.AddSocialBotInbox(configuration);
        builder.Services.AddSingleton<InboxFunctions>();
        builder.Services.AddSingleton<InboxPageFunctions>();
        return builder;
    }
}
