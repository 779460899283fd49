using Microsoft.Azure.WebJobs;
using SocialBot.Core.Configuration;

namespace SocialBot.LocalHost.Hosting;

/// <summary>
/// Resolves <c>%Setting%</c> in trigger attributes (queue names, timer schedules) from the app's configuration over the
/// embedded defaults (key by key), so the local host runs with no settings at all, as the app's options do.
/// </summary>
internal sealed class SettingNameResolver : INameResolver
{
    private readonly IConfiguration _configuration;

    public SettingNameResolver(IConfiguration configuration)
    {
        var effective = SocialBotConfiguration.WithDefaults(configuration);

        // A configuration that sets some queue names still resolves the others to their defaults, as the options do.
        var queues = new QueueNamesOptions();
        effective.GetSection($"{SocialBotOptions.SectionName}:Queues").Bind(queues);
        var names = typeof(QueueNamesOptions).GetProperties()
            .Where(property => property.PropertyType == typeof(string))
            .ToDictionary(property => $"{SocialBotOptions.SectionName}:Queues:{property.Name}", property => (string?)property.GetValue(queues));
        // Every embedded default key underneath, one by one: a configuration that sets one key of a sub-section (say
        // Networks:Meta) replaces that sub-section's defaults for the options, but a schedule such as
        // Networks:PollSchedule must still resolve.
        _configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(SocialBotConfiguration.Defaults)
            .AddInMemoryCollection(names)
            .AddConfiguration(effective)
            .Build();
    }

    public string? Resolve(string name) =>
        _configuration[name] ?? _configuration[name.Replace("__", ":", StringComparison.Ordinal)];
}
