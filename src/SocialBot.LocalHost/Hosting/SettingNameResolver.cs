using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Options;
using SocialBot.Core.Configuration;

namespace SocialBot.LocalHost.Hosting;

/// <summary>
/// Resolves <c>%Setting%</c> in trigger attributes (queue names, timer schedules) from the app's configuration (whose
/// bottom source is the embedded defaults), so the local host runs with no settings at all. Queue names come from the
/// bound <see cref="QueueNamesOptions"/> (a configuration that sets some queue names still resolves the others to their
/// defaults, as the options do); any other embedded default key resolves key by key even when its sub-section is
/// replaced (a configuration that sets only <c>Networks:Meta</c> still resolves <c>Networks:PollSchedule</c>).
/// </summary>
internal sealed class SettingNameResolver : INameResolver
{
    private readonly IConfiguration _configuration;
    private readonly Dictionary<string, string?> _queues;

    public SettingNameResolver(IConfiguration configuration, IOptions<QueueNamesOptions> queues)
    {
        _configuration = configuration;
        var names = queues.Value;
        _queues = typeof(QueueNamesOptions).GetProperties()
            .Where(property => property.PropertyType == typeof(string))
            .ToDictionary(property => $"{QueueNamesOptions.SectionName}:{property.Name}", property => (string?)property.GetValue(names), StringComparer.OrdinalIgnoreCase);
    }

    public string? Resolve(string name)
    {
        var key = name.Replace("__", ":", StringComparison.Ordinal);
        return _configuration[name] ?? _configuration[key]
            ?? (_queues.TryGetValue(key, out var queue) ? queue : null)
            ?? (SocialBotDefaultsConfigurationSource.Values.TryGetValue(key, out var value) ? value : null);
    }
}
