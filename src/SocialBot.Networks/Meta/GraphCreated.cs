using System.Text.Json.Serialization;

namespace SocialBot.Networks.Meta;

internal sealed record GraphCreated
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("message_id")]
    public string? MessageId { get; init; }
}
