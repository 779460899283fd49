using System.Security.Cryptography;
using System.Text;

namespace SocialBot.Networks.Meta;

/// <summary>Meta's webhook signature: <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256 of the raw body, keyed with the app secret&gt;</c>.</summary>
public static class MetaSignature
{
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    /// <summary>The header value Meta would send for <paramref name="body"/> (used by tests and the local sender).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string appSecret)
    {
        ArgumentNullException.ThrowIfNull(appSecret);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
    }

    /// <summary>Whether <paramref name="header"/> is the signature of <paramref name="body"/>; compared in constant time.</summary>
    public static bool IsValid(string? header, ReadOnlySpan<byte> body, string appSecret)
    {
        ArgumentNullException.ThrowIfNull(appSecret);
        if (header is null || header.Length != Prefix.Length + 64 || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[32];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), claimed, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(claimed, expected);
    }

    /// <summary>The <c>appsecret_proof</c> Graph accepts with a token: hex HMAC-SHA256 of the token keyed with the app secret.</summary>
    public static string AppSecretProof(string accessToken, string appSecret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(accessToken)));

    /// <summary>Constant-time comparison of two secrets (the verify token).</summary>
    public static bool SecretEquals(string? given, string expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (given is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }
}
