using SocialBot.Azure.BotConnector;
using SocialBot.Azure.Language;
using SocialBot.Azure.Storage;
using SocialBot.Core;
using SocialBot.Functions.Hosting;
using SocialBot.Functions.Telemetry;
using SocialBot.Models;

namespace SocialBot.Functions;

/// <summary>
/// The Functions app as a custom handler (docs/decisions/ADR-001): an ASP.NET Core app whose endpoints are the
/// functions. Under the Functions host (FUNCTIONS_CUSTOMHANDLER_PORT set) the host triggers them; otherwise standalone
/// mode runs in-process queue listeners configured from the same host.json and function.json files.
/// </summary>
public static class SocialBotApp
{
    public const string DefaultStandaloneUrl = "http://127.0.0.1:7071";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var functionsMode = HostingServiceCollectionExtensions.IsFunctionsMode(builder.Configuration);
        if (!functionsMode && string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultStandaloneUrl);
        }

        configure?.Invoke(builder);
        var appRoot = builder.Configuration["SocialBot:AppRoot"] ?? AppContext.BaseDirectory;
        var catalog = FunctionCatalog.Load(appRoot, FunctionCatalog.SettingsFor(builder.Configuration));
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSocialBotCore(builder.Configuration, appRoot);
        if (!string.IsNullOrWhiteSpace(builder.Configuration["SocialBot:Bot:AppId"]))
        {
            // The Bot Connector becomes the reply channel; without a bot, replies go to the local outbox.
            builder.Services.AddSocialBotBotConnector(builder.Configuration);
        }

        builder.Services.AddSocialBotStorage(builder.Configuration, catalog.Settings.Base64);
        builder.Services.AddSocialBotLanguage(SocialBot.Core.Configuration.SocialBotConfiguration.WithDefaults(builder.Configuration));
        builder.Services.AddSocialBotEmbeddings(builder.Configuration);
        builder.Services.AddSingleton<FunctionDispatcher>();
        builder.Services.AddStorageStartup();
        builder.Services.AddSocialBotTelemetry(builder.Configuration);
        if (!functionsMode)
        {
            builder.Services.AddStandaloneQueueHost(catalog, builder.Configuration);
        }

        var app = builder.Build();
        app.MapCustomHandler();
        app.MapBotMessages();
        return app;
    }
}
