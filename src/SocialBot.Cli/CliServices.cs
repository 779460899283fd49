using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialBot.Cli;

/// <summary>Builds each command's service provider. Tests replace the clock or add fakes through <see cref="Configure"/>.</summary>
internal sealed class CliServices
{
    public TimeProvider? Time { get; init; }

    /// <summary>Extra registrations applied after the defaults (tests use it for fakes).</summary>
    public Action<IServiceCollection, IConfiguration>? Configure { get; init; }

    /// <summary>Registrations that need Azure (storage, Language); added by commands that touch them.</summary>
    public static Action<IServiceCollection, IConfiguration> Cloud { get; } = (services, configuration) =>
        SocialBot.Azure.Storage.StorageServiceCollectionExtensions.AddSocialBotStorage(services, configuration);

    public ServiceProvider Build(string? configFile, bool cloud, IReadOnlyDictionary<string, string?>? overrides = null) =>
        CliHost.BuildServices(
            configFile,
            (services, configuration) =>
            {
                if (cloud)
                {
                    Cloud.Invoke(services, configuration);
                }

                Configure?.Invoke(services, configuration);
            },
            Time,
            overrides);
}
