using System.Text.Json.Serialization;

namespace SocialBot.Networks.Meta;

internal sealed record GraphMessage([property: JsonPropertyName("message")] string Message);
