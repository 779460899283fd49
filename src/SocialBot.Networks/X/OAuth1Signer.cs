using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SocialBot.Networks.X;

/// <summary>
/// OAuth 1.0a HMAC-SHA1 request signing (RFC 5849 section 3), as X's user-context endpoints require. The signature
/// base string is METHOD &amp; encoded base URI &amp; encoded sorted parameters (query, form body and oauth_*; a JSON
/// body is not signed); the key is encoded consumer secret &amp; encoded token secret.
/// Public because it is an algorithm, not an adapter: the fake X API (tests/SocialBot.Testing.Networks) verifies
/// signatures with it.
/// </summary>
public sealed class OAuth1Signer
{
    private readonly string _consumerKey;
    private readonly string _consumerSecret;
    private readonly string _token;
    private readonly string _tokenSecret;

    public OAuth1Signer(string consumerKey, string consumerSecret, string token, string tokenSecret)
    {
        _consumerKey = consumerKey;
        _consumerSecret = consumerSecret;
        _token = token;
        _tokenSecret = tokenSecret;
    }

    /// <summary>The Authorization header value (<c>OAuth oauth_consumer_key="…", …</c>) for a request.</summary>
    /// <param name="method">HTTP method.</param>
    /// <param name="uri">The full request URI, query included.</param>
    /// <param name="formParameters">Parameters of an <c>application/x-www-form-urlencoded</c> body (none for JSON).</param>
    /// <param name="nonce">A unique random string per request.</param>
    /// <param name="timestamp">Seconds since the Unix epoch.</param>
    public string Authorization(HttpMethod method, Uri uri, IEnumerable<KeyValuePair<string, string>>? formParameters, string nonce, long timestamp)
    {
        var oauth = OAuthParameters(nonce, timestamp);
        var signature = Sign(method, uri, formParameters, oauth);
        oauth.Add(new("oauth_signature", signature));
        return "OAuth " + string.Join(", ", oauth.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{Encode(p.Key)}=\"{Encode(p.Value)}\""));
    }

    /// <summary>The base64 HMAC-SHA1 signature of the request (exposed for the spec's test vectors).</summary>
    public string Sign(HttpMethod method, Uri uri, IEnumerable<KeyValuePair<string, string>>? formParameters, IEnumerable<KeyValuePair<string, string>> oauthParameters)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        var baseString = SignatureBaseString(method, uri, formParameters, oauthParameters);
        var key = Encoding.ASCII.GetBytes($"{Encode(_consumerSecret)}&{Encode(_tokenSecret)}");
#pragma warning disable CA5350 // HMAC-SHA1 is what OAuth 1.0a (and X) require.
        var hash = HMACSHA1.HashData(key, Encoding.ASCII.GetBytes(baseString));
#pragma warning restore CA5350
        return Convert.ToBase64String(hash);
    }

    public static string SignatureBaseString(HttpMethod method, Uri uri, IEnumerable<KeyValuePair<string, string>>? formParameters, IEnumerable<KeyValuePair<string, string>> oauthParameters)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(oauthParameters);
        var parameters = new List<KeyValuePair<string, string>>();
        parameters.AddRange(ParseQuery(uri.Query));
        if (formParameters is not null)
        {
            parameters.AddRange(formParameters);
        }

        parameters.AddRange(oauthParameters.Where(p => p.Key != "oauth_signature" && p.Key != "realm"));
        var normalized = string.Join("&", parameters
            .Select(p => (Key: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        return $"{method.Method.ToUpperInvariant()}&{Encode(BaseStringUri(uri))}&{Encode(normalized)}";
    }

    /// <summary>RFC 3986 percent-encoding of UTF-8 bytes: everything but ALPHA, DIGIT, '-', '.', '_' and '~' (RFC 5849 3.6).</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private List<KeyValuePair<string, string>> OAuthParameters(string nonce, long timestamp) =>
    [
        new("oauth_consumer_key", _consumerKey),
        new("oauth_nonce", nonce),
        new("oauth_signature_method", "HMAC-SHA1"),
        new("oauth_timestamp", timestamp.ToString(CultureInfo.InvariantCulture)),
        new("oauth_token", _token),
        new("oauth_version", "1.0"),
    ];

    /// <summary>Scheme and host lower case, the port only when not the default, the path; no query or fragment (RFC 5849 3.4.1.2).</summary>
    private static string BaseStringUri(Uri uri)
    {
        var scheme = uri.Scheme.ToLowerInvariant();
        var host = uri.Host.ToLowerInvariant();
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        return $"{scheme}://{host}{port}{uri.AbsolutePath}";
    }

    /// <summary>Query parameters decoded (a '+' is a space in form encoding, RFC 5849 3.4.1.3.1).</summary>
    private static IEnumerable<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var trimmed = query.StartsWith('?') ? query[1..] : query;
        foreach (var pair in trimmed.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            yield return new(Uri.UnescapeDataString(name.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' ')));
        }
    }
}
