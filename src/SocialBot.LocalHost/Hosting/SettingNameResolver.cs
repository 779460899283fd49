using Microsoft.Azure.WebJobs;
using SocialBot.Core.Configuration;

namespace SocialBot.LocalHost.Hosting;

/// <summary>
/// Resolves <c>%Setting%</c> in trigger attributes (queue names, timer schedules) from the app's configuration over the
/// embedded defaults, so the local host runs with no settings at all, as the app's options do.
/// </summary>
internal sealed class SettingNameResolver : INameResolver
{
    private readonly IConfiguration _configuration;

    public SettingNameResolver(IConfiguration configuration)
    {
        _configuration = SocialBotConfiguration.WithDefaults(configuration);
    }

    public string? Resolve(string name) =>
        _configuration[name] ?? _configuration[name.Replace("__", ":", StringComparison.Ordinal)];
}
