using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialBot.Core.Privacy;
using SocialBot.Core.Replies;

namespace SocialBot.Azure.Storage;

public static class ReliabilityServiceCollectionExtensions
{
    /// <summary>
    /// The safety cap on automatic replies (<c>SocialBot:AutoReplies</c>) and privacy: retention
    /// (<c>SocialBot:Retention</c>, <see cref="RetentionSweeper"/>) and erasure (<see cref="IPersonalDataStore"/>), validated at start.
    /// </summary>
    public static IServiceCollection AddSocialBotReliability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AutoReplyOptions>().Bind(configuration.GetSection(AutoReplyOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<AutoReplyOptions>>().Value);
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<RetentionOptions>>().Value);
        services.TryAddSingleton<IPersonalDataStore, StoragePersonalDataStore>();
        services.TryAddSingleton<RetentionSweeper>();
        return services;
    }
}
