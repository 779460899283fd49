using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using SocialBot.Networks.Tests.Support;
using SocialBot.Networks.X;
using SocialBot.Testing.Bot;

namespace SocialBot.Networks.Tests.X;

/// <summary>
/// A fake X API v2 on loopback that checks what X checks: every request carries an OAuth 1.0a header whose
/// HMAC-SHA1 signature matches the request and the app's secrets (401 otherwise, as X answers).
/// </summary>
internal sealed partial class FakeXApi : IAsyncDisposable
{
    public const string UserId = "783214";
    public const string ConsumerKey = "ck-test";
    public const string ConsumerSecret = "cs-test";
    public const string AccessToken = "783214-at-test";
    public const string AccessTokenSecret = "ats-test";

    private FakeHttpServer _server = null!;

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    public int BadSignatures { get; private set; }

    /// <summary>Answers a verified request: (request, count) → status and body.</summary>
    public Func<RecordedRequest, int, (int Status, string Body, IDictionary<string, string>? Headers)> Handler { get; set; } =
        (_, _) => (200, """{ "meta": { "result_count": 0 } }""", null);

    public string BaseUrl => _server.BaseUrl;

    public static async Task<FakeXApi> StartAsync()
    {
        var fake = new FakeXApi();
        fake._server = await FakeHttpServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    public Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SocialBot:Networks:X:BaseUrl"] = BaseUrl,
            ["SocialBot:Networks:X:UserId"] = UserId,
            ["SocialBot:Networks:X:Handle"] = "MarketHall",
            ["SocialBot:Networks:X:ConsumerKey"] = ConsumerKey,
            ["SocialBot:Networks:X:ConsumerSecret"] = ConsumerSecret,
            ["SocialBot:Networks:X:AccessToken"] = AccessToken,
            ["SocialBot:Networks:X:AccessTokenSecret"] = AccessTokenSecret,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context, RecordedRequest request, int count)
    {
        if (!SignatureValid(request))
        {
            BadSignatures++;
            await Fixtures.JsonAsync(context, 401, """{ "title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized" }""");
            return;
        }

        var (status, body, headers) = Handler(request, count);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await Fixtures.JsonAsync(context, status, body);
    }

    private bool SignatureValid(RecordedRequest request)
    {
        if (request.Authorization is not { } header || !header.StartsWith("OAuth ", StringComparison.Ordinal))
        {
            return false;
        }

        var parameters = OAuthParameter().Matches(header).ToDictionary(m => Uri.UnescapeDataString(m.Groups[1].Value), m => Uri.UnescapeDataString(m.Groups[2].Value));
        if (parameters.GetValueOrDefault("oauth_consumer_key") != ConsumerKey || parameters.GetValueOrDefault("oauth_token") != AccessToken
            || parameters.GetValueOrDefault("oauth_signature_method") != "HMAC-SHA1" || !parameters.TryGetValue("oauth_signature", out var signature))
        {
            return false;
        }

        var expected = new OAuth1Signer(ConsumerKey, ConsumerSecret, AccessToken, AccessTokenSecret)
            .Sign(new HttpMethod(request.Method), new Uri(BaseUrl + request.Path), null, parameters);
        return expected == signature;
    }

    [GeneratedRegex("([a-z_]+)=\"([^\"]*)\"")]
    private static partial Regex OAuthParameter();
}
