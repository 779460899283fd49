using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Mastodon;

/// <summary>The Mastodon REST calls SocialBot makes, each with the account's bearer token.</summary>
internal sealed class MastodonApi : IDisposable
{
    public const string Network = "mastodon";

    private readonly MastodonOptions _options;
    private readonly NetworkHttp _http;
    private readonly TimeProvider _time;
    private readonly Uri _baseUri;
    private readonly SemaphoreSlim _accountLock = new(1, 1);
    private string? _accountId;

    public MastodonApi(IOptions<MastodonOptions> options, NetworkHttpRegistry http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        _options = options.Value;
        _http = http.For(Network);
        _time = time;
        _baseUri = NetworkOptionsChecks.BaseUri(_options.InstanceUrl!);
    }

    public NetworkHttp Http => _http;

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>The account's id (from <c>verify_credentials</c>, once per process).</summary>
    public async Task<string> AccountIdAsync(CancellationToken cancellationToken)
    {
        if (_accountId is { } cached)
        {
            return cached;
        }

        await _accountLock.WaitAsync(cancellationToken);
        try
        {
            if (_accountId is null)
            {
                using var response = await SendAsync(HttpMethod.Get, "api/v1/accounts/verify_credentials", null, "verify_credentials", cancellationToken);
                _accountId = new ApiJson(Network, "verify_credentials").RequiredString(response.Root, "id", "$");
            }

            return _accountId;
        }
        finally
        {
            _accountLock.Release();
        }
    }

    /// <summary><c>GET /api/v1/notifications?types[]=mention</c>, newest first.</summary>
    public Task<ApiResponse> MentionNotificationsAsync(string? sinceId, string? maxId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/notifications?types[]=mention&limit=40" + Paging(sinceId, maxId), null, "notifications", cancellationToken);

    /// <summary><c>GET /api/v1/timelines/tag/{hashtag}</c>, newest first.</summary>
    public Task<ApiResponse> HashtagTimelineAsync(string hashtag, string? sinceId, string? maxId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/v1/timelines/tag/{Uri.EscapeDataString(hashtag)}?limit=40" + Paging(sinceId, maxId), null, "tag timeline", cancellationToken);

    /// <summary>
    /// <c>POST /api/v1/statuses</c> with <c>in_reply_to_id</c> and the visibility; the <c>Idempotency-Key</c> header
    /// (the reply id) makes the instance drop a repeat within an hour. Returns the new status id.
    /// </summary>
    public async Task<string> PostReplyAsync(string text, string inReplyToId, string visibility, string idempotencyKey, CancellationToken cancellationToken)
    {
        var content = JsonBody.Create(writer =>
        {
            writer.WriteString("status", text);
            writer.WriteString("in_reply_to_id", inReplyToId);
            writer.WriteString("visibility", visibility);
        });
        using var response = await SendAsync(HttpMethod.Post, "api/v1/statuses", content, "post status", cancellationToken, idempotencyKey);
        return new ApiJson(Network, "post status").RequiredString(response.Root, "id", "$");
    }

    public async Task<string> VerifyAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "api/v1/accounts/verify_credentials", null, "verify_credentials", cancellationToken);
        var json = new ApiJson(Network, "verify_credentials");
        return $"@{ApiJson.OptionalString(response.Root, "acct")} (id {json.RequiredString(response.Root, "id", "$")})";
    }

    public void Dispose() => _accountLock.Dispose();

    private static string Paging(string? sinceId, string? maxId) =>
        (sinceId is null ? "" : "&since_id=" + Uri.EscapeDataString(sinceId)) + (maxId is null ? "" : "&max_id=" + Uri.EscapeDataString(maxId));

    private async Task<ApiResponse> SendAsync(HttpMethod method, string route, HttpContent? content, string operation, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(_baseUri, route)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.AccessToken);
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return await _http.SendAsync(request, operation, cancellationToken);
    }
}
