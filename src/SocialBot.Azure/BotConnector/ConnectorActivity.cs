using System.Text.Json;
using System.Text.Json.Serialization;
using SocialBot.Core.Mentions;

namespace SocialBot.Azure.BotConnector;

/// <summary>The Activity fields SocialBot sends to the Connector.</summary>
internal sealed record ConnectorActivity
{
    public required string Type { get; init; }

    public string? Id { get; init; }

    public string? Name { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? ReplyToId { get; init; }

    public HandoffContext? Value { get; init; }

    /// <summary>The conversation reference: the same fields as the Activity schema's ConversationReference.</summary>
    public ConversationReference? RelatesTo { get; init; }

    public IReadOnlyList<TranscriptAttachment>? Attachments { get; init; }
}

/// <summary>The <c>value</c> of a <c>handoff.initiate</c> event: what the agent hub needs to route the conversation.</summary>
internal sealed record HandoffContext
{
    public required string Priority { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }
}

internal sealed record TranscriptAttachment
{
    public required string ContentType { get; init; }

    public required string Name { get; init; }

    public required Transcript Content { get; init; }
}

internal sealed record Transcript
{
    public required IReadOnlyList<ConnectorActivity> Activities { get; init; }
}

/// <summary>The Connector's ResourceResponse and ErrorResponse.</summary>
internal sealed record ConnectorResourceResponse
{
    public string? Id { get; init; }
}

internal sealed record ConnectorErrorResponse
{
    public ConnectorError? Error { get; init; }
}

internal sealed record ConnectorError
{
    public string? Code { get; init; }

    public string? Message { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConnectorActivity))]
[JsonSerializable(typeof(ConnectorErrorResponse))]
[JsonSerializable(typeof(ConnectorResourceResponse))]
internal sealed partial class BotConnectorJsonContext : JsonSerializerContext;
