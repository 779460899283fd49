using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialBot.Azure.Language;
using SocialBot.Core;
using SocialBot.Core.Configuration;
using SocialBot.Models;

namespace SocialBot.Cli;

/// <summary>Loads the configuration a command runs with and builds its services, turning bad configuration into one clear line.</summary>
internal static class CliHost
{
    /// <summary>The configuration: <c>--config FILE</c> (if given) over environment variables over the embedded defaults.</summary>
    public static IConfiguration LoadConfiguration(string? configFile, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = new ConfigurationManager();
        builder.AddSocialBotDefaults().AddEnvironmentVariables();
        if (configFile is not null)
        {
            var path = Path.GetFullPath(configFile);
            if (!File.Exists(path))
            {
                throw new CliException($"--config {configFile}: file not found");
            }

            try
            {
                builder.AddJsonFile(path, optional: false, reloadOnChange: false);
                builder.AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
                return builder;
            }
            catch (InvalidDataException exception)
            {
                throw new CliException($"--config {configFile}: not valid JSON ({exception.InnerException?.Message ?? exception.Message})", exception);
            }
            catch (FormatException exception)
            {
                throw new CliException($"--config {configFile}: not valid JSON ({exception.Message})", exception);
            }
        }

        builder.AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
        return builder;
    }

    /// <summary>Builds and validates the engine's services; configuration errors become a <see cref="CliException"/> naming the key.</summary>
    public static ServiceProvider BuildServices(
        string? configFile, Action<IServiceCollection, IConfiguration>? configure = null, TimeProvider? time = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var configuration = LoadConfiguration(configFile, overrides);
        var baseDirectory = configFile is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(configFile));
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSocialBotCore(configuration, baseDirectory);
        services.AddSocialBotLanguage(configuration);
        services.AddSocialBotEmbeddings(configuration);
        configure?.Invoke(services, configuration);
        var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<SocialBotOptions>();
            foreach (var validator in provider.GetServices<IStartupValidator>())
            {
                validator.Validate();
            }

            return provider;
        }
        catch (Exception exception) when (exception is OptionsValidationException or SocialBotConfigurationException
            || (exception is AggregateException aggregate && aggregate.InnerExceptions.All(inner => inner is OptionsValidationException)))
        {
            provider.Dispose();
            var where = configFile is null ? "configuration" : configFile;
            throw new CliException($"{where}: {FirstFailure(exception)}", exception);
        }
    }

    private static string FirstFailure(Exception exception) => exception switch
    {
        OptionsValidationException validation => validation.Failures.First(),
        AggregateException aggregate => FirstFailure(aggregate.InnerExceptions[0]),
        _ => exception.Message,
    };
}
