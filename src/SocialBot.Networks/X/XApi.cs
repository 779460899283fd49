using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.X;

/// <summary>
/// The X API v2 calls SocialBot makes, each signed with OAuth 1.0a (user context): the mention timeline, recent
/// search, posting a reply, and <c>users/me</c> for <c>socialbot networks check</c>.
/// </summary>
internal sealed class XApi
{
    public const string Network = "x";

    /// <summary>Fields the poller needs on every post and its author.</summary>
    public const string TweetFields = "created_at,conversation_id,in_reply_to_user_id,referenced_tweets";
    public const string UserFields = "username,name";

    private readonly XOptions _options;
    private readonly OAuth1Signer _signer;
    private readonly NetworkHttp _http;
    private readonly TimeProvider _time;
    private readonly Uri _baseUri;

    public XApi(IOptions<XOptions> options, NetworkHttpRegistry http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        _options = options.Value;
        _signer = new OAuth1Signer(_options.ConsumerKey!, _options.ConsumerSecret!, _options.AccessToken!, _options.AccessTokenSecret!);
        _http = http.For(Network);
        _time = time;
        _baseUri = NetworkOptionsChecks.BaseUri(_options.BaseUrl);
    }

    public NetworkHttp Http => _http;

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary><c>GET /2/users/{id}/mentions</c>, newest first.</summary>
    public Task<ApiResponse> MentionsAsync(string? sinceId, string? paginationToken, CancellationToken cancellationToken)
    {
        var query = new List<KeyValuePair<string, string>>
        {
            new("max_results", "100"),
            new("expansions", "author_id"),
            new("tweet.fields", TweetFields),
            new("user.fields", UserFields),
        };
        AddPaging(query, sinceId, paginationToken);
        return GetAsync($"2/users/{Uri.EscapeDataString(_options.UserId!)}/mentions", query, "mentions", cancellationToken);
    }

    /// <summary><c>GET /2/tweets/search/recent</c>, newest first.</summary>
    public Task<ApiResponse> SearchRecentAsync(string query, string? sinceId, string? nextToken, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("query", query),
            new("max_results", "100"),
            new("expansions", "author_id"),
            new("tweet.fields", TweetFields),
            new("user.fields", UserFields),
        };
        if (sinceId is not null)
        {
            parameters.Add(new("since_id", sinceId));
        }

        if (nextToken is not null)
        {
            parameters.Add(new("next_token", nextToken));
        }

        return GetAsync("2/tweets/search/recent", parameters, "search", cancellationToken);
    }

    /// <summary><c>POST /2/tweets</c> with <c>reply.in_reply_to_tweet_id</c>; returns the id of the new post.</summary>
    public async Task<string> PostReplyAsync(string text, string inReplyToTweetId, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseUri, "2/tweets");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonBody.Create(writer =>
            {
                writer.WriteString("text", text);
                writer.WriteStartObject("reply");
                writer.WriteString("in_reply_to_tweet_id", inReplyToTweetId);
                writer.WriteEndObject();
            }),
        };
        Sign(request);
        using var response = await _http.SendAsync(request, "post reply", cancellationToken);
        var json = new ApiJson(Network, "post reply");
        return json.RequiredString(json.RequiredObject(response.Root, "data", "$"), "id", "$.data");
    }

    /// <summary><c>GET /2/users/me</c>: whether the credentials work, and whose they are.</summary>
    public async Task<string> VerifyAsync(CancellationToken cancellationToken)
    {
        using var response = await GetAsync("2/users/me", [], "users/me", cancellationToken);
        var json = new ApiJson(Network, "users/me");
        var data = json.RequiredObject(response.Root, "data", "$");
        return $"@{ApiJson.OptionalString(data, "username")} (id {json.RequiredString(data, "id", "$.data")})";
    }

    private static void AddPaging(List<KeyValuePair<string, string>> query, string? sinceId, string? paginationToken)
    {
        if (sinceId is not null)
        {
            query.Add(new("since_id", sinceId));
        }

        if (paginationToken is not null)
        {
            query.Add(new("pagination_token", paginationToken));
        }
    }

    private async Task<ApiResponse> GetAsync(string route, List<KeyValuePair<string, string>> query, string operation, CancellationToken cancellationToken)
    {
        var queryString = string.Join("&", query.Select(p => $"{OAuth1Signer.Encode(p.Key)}={OAuth1Signer.Encode(p.Value)}"));
        var uri = new Uri(_baseUri, query.Count == 0 ? route : $"{route}?{queryString}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        Sign(request);
        return await _http.SendAsync(request, operation, cancellationToken);
    }

    private void Sign(HttpRequestMessage request)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        var header = _signer.Authorization(request.Method, request.RequestUri!, null, nonce, timestamp);
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(header);
    }
}
