using System.Text.Json.Serialization;

namespace SocialBot.Networks.Meta;

internal sealed record GraphRecipient([property: JsonPropertyName("comment_id")] string CommentId);
