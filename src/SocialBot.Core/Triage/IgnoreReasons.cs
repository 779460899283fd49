namespace SocialBot.Core.Triage;

public static class IgnoreReasons
{
    /// <summary>The wire name: duplicate, own-account, bot, auto-reply, no-follow-up or answered.</summary>
    public static string ToWire(IgnoreReason reason) => reason switch
    {
        IgnoreReason.Duplicate => "duplicate",
        IgnoreReason.OwnAccount => "own-account",
        IgnoreReason.Bot => "bot",
        IgnoreReason.AutoReply => "auto-reply",
        IgnoreReason.Answered => "answered",
        _ => "no-follow-up",
    };
}
