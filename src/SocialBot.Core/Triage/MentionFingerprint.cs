using System.Security.Cryptography;
using System.Text;

namespace SocialBot.Core.Triage;

/// <summary>A short hash of a mention's normalised text, so duplicates can be found without storing what the customer wrote.</summary>
public static class MentionFingerprint
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()));
        return Convert.ToHexString(hash, 0, 12);
    }
}
