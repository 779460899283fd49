using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialBot.Core.Mentions;

namespace SocialBot.Azure.BotConnector;

/// <summary>
/// Sends the Bot Framework <c>handoff.initiate</c> event (with the conversation reference and a transcript) when
/// <see cref="BotOptions.SendHandoffEvents"/> is on, so an agent hub such as Omnichannel can take the conversation.
/// </summary>
internal sealed class HandoffEventSender
{
    public const string EventName = "handoff.initiate";

    private readonly BotConnectorClient _client;
    private readonly bool _enabled;
    private readonly ILogger<HandoffEventSender> _logger;

    internal HandoffEventSender(BotConnectorClient client, IOptions<BotOptions> options, ILogger<HandoffEventSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _enabled = options.Value.SendHandoffEvents;
        _logger = logger;
    }

    /// <summary>Sends the event; false when handoff events are off or the mention did not come through the Connector.</summary>
    public async Task<bool> SendAsync(HandoffInitiation handoff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var reference = handoff.Mention.ConversationReference;
        if (!_enabled || reference?.ServiceUrl is null || reference.Bot is null || reference.User is null)
        {
            return false;
        }

        var conversation = reference.Conversation ?? new() { Id = handoff.Mention.ConversationId };
        await _client.SendAsync(reference.ServiceUrl, conversation.Id, replyToActivityId: null, BuildEvent(handoff, reference, conversation), cancellationToken);
        BotConnectorLog.HandoffEventSent(_logger, handoff.Mention.Channel);
        return true;
    }

    internal static ConnectorActivity BuildEvent(HandoffInitiation handoff, ConversationReference reference, ConversationAccount conversation)
    {
        var transcript = new List<ConnectorActivity>
        {
            new()
            {
                Type = "message",
                Id = handoff.Mention.Id,
                Timestamp = handoff.Mention.ReceivedAt,
                From = reference.User,
                Recipient = reference.Bot,
                Conversation = conversation,
                Text = handoff.Mention.Text,
            },
        };
        if (handoff.AcknowledgementText is not null)
        {
            transcript.Add(new()
            {
                Type = "message",
                Timestamp = handoff.AcknowledgedAt,
                From = reference.Bot,
                Recipient = reference.User,
                Conversation = conversation,
                Text = handoff.AcknowledgementText,
                ReplyToId = handoff.Mention.Id,
            });
        }

        return new ConnectorActivity
        {
            Type = "event",
            Name = EventName,
            ServiceUrl = reference.ServiceUrl,
            ChannelId = reference.ChannelId,
            From = reference.Bot,
            Recipient = reference.User,
            Conversation = conversation,
            ReplyToId = reference.ActivityId,
            Value = new HandoffContext { Priority = handoff.Priority, Reasons = handoff.Reasons },
            RelatesTo = reference with { Conversation = conversation },
            Attachments =
            [
                new TranscriptAttachment
                {
                    ContentType = "application/json",
                    Name = "Transcript",
                    Content = new Transcript { Activities = transcript },
                },
            ],
        };
    }
}
