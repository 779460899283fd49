using System.Text.Json.Serialization;

namespace SocialBot.Networks.Meta;

internal sealed record GraphPrivateReply(
    [property: JsonPropertyName("recipient")] GraphRecipient Recipient,
    [property: JsonPropertyName("message")] GraphText Message);
