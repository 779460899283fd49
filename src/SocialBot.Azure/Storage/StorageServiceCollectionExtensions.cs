using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialBot.Azure.Handoffs;
using SocialBot.Core.Networks;
using SocialBot.Core.OptOut;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;
using SocialBot.Core.Triage;

namespace SocialBot.Azure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Azure Storage queues and tables behind the processing ports; the outbox as the default reply channel.</summary>
    public static IServiceCollection AddSocialBotStorage(this IServiceCollection services, IConfiguration configuration, bool base64Messages = true)
    {
        services.AddSingleton(_ => StorageClients.FromConfiguration(configuration));
        services.TryAddSingleton(new QueueMessageCodec(base64Messages));
        services.AddSingleton<TableMentionLedger>();
        services.AddSingleton<IMentionLedger>(sp => sp.GetRequiredService<TableMentionLedger>());
        services.Replace(ServiceDescriptor.Singleton<IConversationHistory>(sp => sp.GetRequiredService<TableMentionLedger>()));
        services.AddSingleton<IEffectLog>(sp => sp.GetRequiredService<TableMentionLedger>());
        services.AddSocialBotReliability(configuration);
        services.AddSingleton<StorageQueueOutbound>();
        services.AddSingleton<IOutboundQueues>(sp => sp.GetRequiredService<StorageQueueOutbound>());
        services.AddSingleton<IPoisonQueue>(sp => sp.GetRequiredService<StorageQueueOutbound>());
        services.AddSingleton<IMentionQueue>(sp => sp.GetRequiredService<StorageQueueOutbound>());
        services.AddSingleton<IReplyRequeue>(sp => sp.GetRequiredService<StorageQueueOutbound>());
        services.TryAddSingleton<IFallbackReplyChannel, OutboxReplyChannel>();
        services.TryAddSingleton<ReplyChannelRouter>();
        services.AddSingleton<ISentReplyLog, TableSentReplyLog>();
        services.TryAddSingleton<INetworkStateStore, TableNetworkStateStore>();
        services.TryAddSingleton<IOptOutStore, TableOptOutStore>();
        services.AddSingleton<StorageStatus>();
        services.AddSingleton<StorageProvisioner>();
        services.AddSingleton<TriageMentionProcessor>();
        services.AddSingleton<SendReplyProcessor>();
        services.AddSocialBotHandoffs(configuration);
        return services;
    }
}
