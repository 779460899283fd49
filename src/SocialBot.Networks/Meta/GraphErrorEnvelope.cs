using System.Text.Json.Serialization;

namespace SocialBot.Networks.Meta;

internal sealed record GraphErrorEnvelope
{
    [JsonPropertyName("error")]
    public GraphError? Error { get; init; }
}
