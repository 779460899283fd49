using System.Text.Json.Serialization;

namespace SocialBot.Networks.Meta;

internal sealed record GraphText([property: JsonPropertyName("text")] string Text);
