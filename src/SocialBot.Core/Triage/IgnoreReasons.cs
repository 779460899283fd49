namespace SocialBot.Core.Triage;

public static class IgnoreReasons
{
    /// <summary>The wire name: duplicate, own-account, bot, auto-reply or no-follow-up.</summary>
    public static string ToWire(IgnoreReason reason) => reason switch
    {
        IgnoreReason.Duplicate => "duplicate",
        IgnoreReason.OwnAccount => "own-account",
        IgnoreReason.Bot => "bot",
        IgnoreReason.AutoReply => "auto-reply",
        _ => "no-follow-up",
    };
}
