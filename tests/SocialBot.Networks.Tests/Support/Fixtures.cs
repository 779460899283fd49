namespace SocialBot.Networks.Tests.Support;

/// <summary>Recorded API payloads (Fixtures/*.json) in the documented response shapes.</summary>
internal static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
