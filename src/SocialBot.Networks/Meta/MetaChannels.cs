namespace SocialBot.Networks.Meta;

/// <summary>The channel names of Meta's mentions and the keys of their network reference.</summary>
public static class MetaChannels
{
    public const string Facebook = "facebook";
    public const string Instagram = "instagram";

    public static bool IsMeta(string? channel) =>
        string.Equals(channel, Facebook, StringComparison.OrdinalIgnoreCase)
        || string.Equals(channel, Instagram, StringComparison.OrdinalIgnoreCase);
}
