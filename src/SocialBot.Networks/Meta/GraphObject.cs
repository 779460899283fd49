using System.Text.Json.Serialization;

namespace SocialBot.Networks.Meta;

internal sealed record GraphObject
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("username")]
    public string? Username { get; init; }
}
