using System.Net.Http.Headers;
using System.Net.Http.Json;
using SocialBot.Http;

namespace SocialBot.Networks.Meta;

/// <summary>
/// The few Graph API calls SocialBot makes, over the named <see cref="HttpClientName"/> client (redirects off). The
/// Page token travels in the Authorization header with an <c>appsecret_proof</c>, never in a log. Every non-2xx
/// answer becomes a <see cref="MetaGraphException"/> that says whether retrying can help.
/// </summary>
internal sealed class MetaGraphClient
{
    public const string HttpClientName = "SocialBot.Meta.Graph";

    /// <summary>
    /// 30 s an attempt, 60 s in all. Meta has no poller of its own, so a 429 with a short <c>Retry-After</c> is waited
    /// out here; a reply POST is otherwise retried only when it never reached the Graph API (a comment must not be posted twice).
    /// </summary>
    public static readonly OutboundHttpPolicy Policy = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(30),
        TotalTimeout = TimeSpan.FromSeconds(60),
        MaxRetries = 2,
        MaxRetryAfter = TimeSpan.FromSeconds(10),
    };

    private readonly HttpClient _http;
    private readonly MetaOptions _options;

    public MetaGraphClient(HttpClient http, MetaOptions options)
    {
        _http = http;
        _options = options;
    }

    /// <summary><c>POST /{comment-id}/comments</c>: a public reply in a Facebook comment thread; returns the new comment's id.</summary>
    public Task<string> ReplyToFacebookCommentAsync(string commentId, string text, CancellationToken cancellationToken) =>
        PostAsync($"{Escape(commentId)}/comments", JsonContent.Create(new GraphMessage(text), MetaJsonContext.Default.GraphMessage), cancellationToken);

    /// <summary><c>POST /{ig-comment-id}/replies</c>: a public reply to an Instagram comment; returns the new comment's id.</summary>
    public Task<string> ReplyToInstagramCommentAsync(string commentId, string text, CancellationToken cancellationToken) =>
        PostAsync($"{Escape(commentId)}/replies", JsonContent.Create(new GraphMessage(text), MetaJsonContext.Default.GraphMessage), cancellationToken);

    /// <summary>
    /// <c>POST /{page-id}/messages</c> with <c>recipient.comment_id</c>: a private reply (Messenger or Instagram Direct)
    /// to the person who wrote the comment; returns the message id.
    /// </summary>
    public Task<string> SendPrivateReplyAsync(string commentId, string text, CancellationToken cancellationToken) =>
        PostAsync(
            $"{Escape(_options.PageId!)}/messages",
            JsonContent.Create(new GraphPrivateReply(new GraphRecipient(commentId), new GraphText(text)), MetaJsonContext.Default.GraphPrivateReply),
            cancellationToken);

    /// <summary><c>GET /{id}?fields=id,name</c> (or username): the object the token can see; used by the network check.</summary>
    public async Task<GraphObject> GetObjectAsync(string id, string fields, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url($"{Escape(id)}", $"fields={Uri.EscapeDataString(fields)}"));
        using var response = await SendAsync(request, cancellationToken);
        return await response.Content.ReadFromJsonAsync(MetaJsonContext.Default.GraphObject, cancellationToken)
            ?? throw new MetaGraphException(response.StatusCode, null, null, "the Graph API answered without a body", transient: true);
    }

    private async Task<string> PostAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(path, null)) { Content = content };
        using var response = await SendAsync(request, cancellationToken);
        var created = await response.Content.ReadFromJsonAsync(MetaJsonContext.Default.GraphCreated, cancellationToken);
        return created?.Id ?? created?.MessageId ?? throw new MetaGraphException(response.StatusCode, null, null, "the Graph API answered without an id", transient: false);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.PageAccessToken);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new MetaGraphException(null, null, null, $"the Graph API could not be reached ({exception.HttpRequestError})", transient: true, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MetaGraphException(null, null, null, "the Graph API did not answer in time", transient: true, exception);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await MetaGraphException.FromResponseAsync(response, cancellationToken);
        }
    }

    private Uri Url(string path, string? query)
    {
        var proof = $"appsecret_proof={MetaSignature.AppSecretProof(_options.PageAccessToken!, _options.AppSecret!)}";
        var baseUrl = _options.GraphBaseUrl.TrimEnd('/');
        return new Uri($"{baseUrl}/{_options.GraphVersion}/{path}?{(query is null ? proof : query + "&" + proof)}", UriKind.Absolute);
    }

    private static string Escape(string id) => Uri.EscapeDataString(id);
}
