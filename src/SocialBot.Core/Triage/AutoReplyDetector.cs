using System.Text.RegularExpressions;

namespace SocialBot.Core.Triage;

/// <summary>
/// Recognises automatic replies (out-of-office notices, auto-responders, delivery notifications) so SocialBot never
/// answers a machine and two auto-responders never ping-pong.
/// </summary>
public static partial class AutoReplyDetector
{
    private const int ScanLength = 600;

    public static bool IsAutoReply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = text.Length > ScanLength ? text[..ScanLength] : text;
        return AutoReplyPattern().IsMatch(head);
    }

    [GeneratedRegex(
        @"\b(out of (the )?office|ooo\b|auto(matic|mated)?[- ]?(reply|replies|response|responder|message)|i am (currently )?(away|out|on (vacation|holiday|leave))|i'm (currently )?(away|out of)|this (is an|mailbox is) (automated|unmonitored)|do not reply to this|vacation responder|(away|absence) notice|delivery status notification|will (respond|reply|get back to you) (when|upon) (i|my) return)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AutoReplyPattern();
}
