using Microsoft.Extensions.Logging;
using SocialBot.Core.Replies;

namespace SocialBot.Azure.BotConnector;

/// <summary>Replies through the Bot Framework Connector to the activity the mention came from.</summary>
internal sealed class BotConnectorReplyChannel : IReplyChannel
{
    private readonly BotConnectorClient _client;
    private readonly ILogger<BotConnectorReplyChannel> _logger;

    public BotConnectorReplyChannel(BotConnectorClient client, ILogger<BotConnectorReplyChannel> logger)
    {
        _client = client;
        _logger = logger;
    }

    public string Name => "botconnector";

    public bool CanDeliver(OutgoingReply reply) => reply?.ConversationReference?.ServiceUrl is not null;

    public async Task SendAsync(OutgoingReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var reference = reply.ConversationReference
            ?? throw new PermanentDeliveryException($"reply {reply.ReplyId} has no conversation reference, so the Connector cannot deliver it");
        if (reference.ServiceUrl is null || reference.Bot is null || reference.User is null)
        {
            throw new PermanentDeliveryException($"reply {reply.ReplyId}: the conversation reference lacks serviceUrl, bot or user");
        }

        var conversation = reference.Conversation ?? new() { Id = reply.ConversationId };
        var activity = new ConnectorActivity
        {
            Type = "message",
            From = reference.Bot,
            Recipient = reference.User,
            Conversation = conversation,
            Text = reply.Text,
            TextFormat = "plain",
            ReplyToId = reference.ActivityId,
        };
        await _client.SendAsync(reference.ServiceUrl, conversation.Id, reference.ActivityId, activity, cancellationToken);
        BotConnectorLog.ReplySent(_logger, reply.Kind, reply.Channel);
    }
}
