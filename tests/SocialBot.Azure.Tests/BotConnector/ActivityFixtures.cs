using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialBot.Azure.Tests.BotConnector;

/// <summary>Activity JSON fixtures from BotConnector/Fixtures, as recorded from each channel's documented shape.</summary>
internal static class ActivityFixtures
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "BotConnector", "Fixtures", name));

    public static JsonObject Node(string name) => JsonNode.Parse(Bytes(name))!.AsObject();

    public static JsonElement Element(string name) => Element(Node(name));

    public static JsonElement Element(JsonNode node) => JsonSerializer.SerializeToElement(node);
}
