using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialBot.Azure.BotConnector;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConnectorActivity))]
[JsonSerializable(typeof(ConnectorErrorResponse))]
[JsonSerializable(typeof(ConnectorResourceResponse))]
internal sealed partial class BotConnectorJsonContext : JsonSerializerContext;
