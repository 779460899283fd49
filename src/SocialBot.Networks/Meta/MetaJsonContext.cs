using System.Text.Json.Serialization;

namespace SocialBot.Networks.Meta;

[JsonSerializable(typeof(GraphMessage))]
[JsonSerializable(typeof(GraphPrivateReply))]
[JsonSerializable(typeof(GraphCreated))]
[JsonSerializable(typeof(GraphObject))]
[JsonSerializable(typeof(GraphErrorEnvelope))]
internal sealed partial class MetaJsonContext : JsonSerializerContext
{
}
