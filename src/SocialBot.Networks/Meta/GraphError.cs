using System.Text.Json.Serialization;

namespace SocialBot.Networks.Meta;

internal sealed record GraphError
{
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("code")]
    public int? Code { get; init; }

    [JsonPropertyName("error_subcode")]
    public int? Subcode { get; init; }
}
