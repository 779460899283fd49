using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Bluesky;

/// <summary>
/// The AT Protocol XRPC calls SocialBot makes on the account's PDS. A session comes from
/// <c>com.atproto.server.createSession</c> (handle + app password); when the access token expires
/// (<c>ExpiredToken</c>, or 401) it is renewed with <c>com.atproto.server.refreshSession</c>, and created anew if that
/// fails too; the request is then sent once more.
/// </summary>
internal sealed class BlueskyApi : IDisposable
{
    public const string Network = "bluesky";

    private readonly BlueskyOptions _options;
    private readonly NetworkHttp _http;
    private readonly TimeProvider _time;
    private readonly Uri _baseUri;
    private readonly SemaphoreSlim _sessionLock = new(1, 1);
    private Session? _session;

    public BlueskyApi(IOptions<BlueskyOptions> options, NetworkHttpRegistry http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        _options = options.Value;
        _http = http.For(Network);
        _time = time;
        _baseUri = NetworkOptionsChecks.BaseUri(_options.ServiceUrl);
    }

    public NetworkHttp Http => _http;

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>The account's DID (after the first session).</summary>
    public async Task<string> DidAsync(CancellationToken cancellationToken) => (await SessionAsync(null, cancellationToken)).Did;

    public Task<ApiResponse> ListNotificationsAsync(string? cursor, CancellationToken cancellationToken) =>
        GetAsync("app.bsky.notification.listNotifications", [new("limit", "50"), .. Cursor(cursor)], "listNotifications", cancellationToken);

    public Task<ApiResponse> SearchPostsAsync(string query, string? since, string? cursor, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>> { new("q", query), new("sort", "latest"), new("limit", "50") };
        if (since is not null)
        {
            parameters.Add(new("since", since));
        }

        parameters.AddRange(Cursor(cursor));
        return GetAsync("app.bsky.feed.searchPosts", parameters, "searchPosts", cancellationToken);
    }

    /// <summary><c>com.atproto.repo.createRecord</c> of an <c>app.bsky.feed.post</c>; returns the new post's at:// uri.</summary>
    public async Task<string> CreatePostAsync(BlueskyPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var did = await DidAsync(cancellationToken);
        using var response = await SendAuthorizedAsync(
            () => new HttpRequestMessage(HttpMethod.Post, Xrpc("com.atproto.repo.createRecord")) { Content = JsonBody.Create(writer => post.Write(writer, did)) },
            "createRecord",
            cancellationToken);
        return new ApiJson(Network, "createRecord").RequiredString(response.Root, "uri", "$");
    }

    /// <summary>Creates a fresh session: whether the handle and app password work.</summary>
    public async Task<string> VerifyAsync(CancellationToken cancellationToken)
    {
        var session = await CreateSessionAsync(cancellationToken);
        return $"@{session.Handle} ({session.Did})";
    }

    public void Dispose() => _sessionLock.Dispose();

    private static IEnumerable<KeyValuePair<string, string>> Cursor(string? cursor) =>
        cursor is null ? [] : [new("cursor", cursor)];

    private Task<ApiResponse> GetAsync(string method, List<KeyValuePair<string, string>> query, string operation, CancellationToken cancellationToken)
    {
        var queryString = string.Join("&", query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return SendAuthorizedAsync(() => new HttpRequestMessage(HttpMethod.Get, Xrpc($"{method}?{queryString}")), operation, cancellationToken);
    }

    private async Task<ApiResponse> SendAuthorizedAsync(Func<HttpRequestMessage> build, string operation, CancellationToken cancellationToken)
    {
        var session = await SessionAsync(null, cancellationToken);
        try
        {
            using var request = build();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessJwt);
            return await _http.SendAsync(request, operation, cancellationToken);
        }
        catch (NetworkApiException exception) when (IsExpired(exception))
        {
            session = await SessionAsync(session, cancellationToken);
            using var retry = build();
            retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessJwt);
            return await _http.SendAsync(retry, operation, cancellationToken);
        }
    }

    private static bool IsExpired(NetworkApiException exception) =>
        exception.StatusCode == HttpStatusCode.Unauthorized
        || (exception.StatusCode == HttpStatusCode.BadRequest && exception.ErrorCode is "ExpiredToken" or "InvalidToken");

    /// <summary>The current session; when <paramref name="expired"/> is it, a refreshed (or new) one.</summary>
    private async Task<Session> SessionAsync(Session? expired, CancellationToken cancellationToken)
    {
        await _sessionLock.WaitAsync(cancellationToken);
        try
        {
            if (_session is not null && !ReferenceEquals(_session, expired))
            {
                return _session;
            }

            if (_session is not null)
            {
                try
                {
                    _session = await RefreshSessionAsync(_session, cancellationToken);
                    return _session;
                }
                catch (NetworkApiException exception) when (!exception.IsTransient)
                {
                    _session = null;
                }
            }

            _session = await CreateSessionAsync(cancellationToken);
            return _session;
        }
        finally
        {
            _sessionLock.Release();
        }
    }

    private async Task<Session> CreateSessionAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Xrpc("com.atproto.server.createSession"))
        {
            Content = JsonBody.Create(writer =>
            {
                writer.WriteString("identifier", _options.Handle!.TrimStart('@'));
                writer.WriteString("password", _options.AppPassword);
            }),
        };
        using var response = await _http.SendAsync(request, "createSession", cancellationToken);
        return ReadSession(response, "createSession");
    }

    private async Task<Session> RefreshSessionAsync(Session session, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Xrpc("com.atproto.server.refreshSession"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.RefreshJwt);
        using var response = await _http.SendAsync(request, "refreshSession", cancellationToken);
        return ReadSession(response, "refreshSession");
    }

    private static Session ReadSession(ApiResponse response, string operation)
    {
        var json = new ApiJson(Network, operation);
        return new Session(
            json.RequiredString(response.Root, "accessJwt", "$"),
            json.RequiredString(response.Root, "refreshJwt", "$"),
            json.RequiredString(response.Root, "did", "$"),
            ApiJson.OptionalString(response.Root, "handle") ?? "");
    }

    private Uri Xrpc(string methodAndQuery) => new(_baseUri, "xrpc/" + methodAndQuery);

    /// <summary>A class, not a record: its generated ToString would print the tokens.</summary>
    private sealed class Session(string accessJwt, string refreshJwt, string did, string handle)
    {
        public string AccessJwt { get; } = accessJwt;

        public string RefreshJwt { get; } = refreshJwt;

        public string Did { get; } = did;

        public string Handle { get; } = handle;
    }
}
