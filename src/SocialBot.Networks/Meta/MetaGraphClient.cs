using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
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

/// <summary>
/// A Graph API error (<c>{"error":{"message","type","code","error_subcode","fbtrace_id"}}</c>). Rate limits (codes 4,
/// 17, 32, 613, HTTP 429), temporary errors (1, 2) and 5xx are transient; permissions (10, 200–299), expired or
/// invalid tokens (190), invalid parameters and other 4xx are permanent.
/// </summary>
public sealed class MetaGraphException : Exception
{
    private const int MaxMessageLength = 300;

    public MetaGraphException()
    {
    }

    public MetaGraphException(string message)
        : base(message)
    {
    }

    public MetaGraphException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal MetaGraphException(HttpStatusCode? status, int? code, int? subcode, string message, bool transient, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = status;
        Code = code;
        Subcode = subcode;
        IsTransient = transient;
    }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>The Graph error code (<c>error.code</c>), when the answer had one.</summary>
    public int? Code { get; }

    public int? Subcode { get; }

    /// <summary>Whether retrying later can help (rate limits, temporary errors, 5xx, network failures).</summary>
    public bool IsTransient { get; }

    public static bool IsTransientCode(int? code, HttpStatusCode? status) => code switch
    {
        1 or 2 or 4 or 17 or 32 or 341 or 613 => true,
        10 or 190 or (>= 200 and <= 299) => false,
        _ => status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int?)status >= 500,
    };

    internal static async Task<MetaGraphException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        GraphError? error = null;
        try
        {
            var envelope = await response.Content.ReadFromJsonAsync(MetaJsonContext.Default.GraphErrorEnvelope, cancellationToken);
            error = envelope?.Error;
        }
        catch (JsonException)
        {
            // Not a Graph error body (a proxy's HTML page): the status code decides.
        }

        var status = response.StatusCode;
        var transient = IsTransientCode(error?.Code, status);
        var what = error?.Code switch
        {
            4 or 17 or 32 or 613 => "rate limited",
            10 or (>= 200 and <= 299) => "permission missing (check the Page token's permissions and the app's review status)",
            190 => "the Page access token is invalid or expired (create a new long-lived Page token)",
            10900 => "a private reply was already sent for this comment (one per comment): continue the conversation in Messenger or Instagram Direct",
            _ => transient ? "temporarily unavailable" : "refused",
        };
        var detail = error?.Message is { Length: > 0 } message
            ? $": {(message.Length <= MaxMessageLength ? message : message[..MaxMessageLength])}"
            : string.Empty;
        return new MetaGraphException(
            status,
            error?.Code,
            error?.Subcode,
            $"Graph API {(int)status}{(error?.Code is { } code ? $" code {code}" : string.Empty)}{(error?.Subcode is { } sub ? $"/{sub}" : string.Empty)}: {what}{detail}",
            transient);
    }
}

internal sealed record GraphMessage([property: JsonPropertyName("message")] string Message);

internal sealed record GraphRecipient([property: JsonPropertyName("comment_id")] string CommentId);

internal sealed record GraphText([property: JsonPropertyName("text")] string Text);

internal sealed record GraphPrivateReply(
    [property: JsonPropertyName("recipient")] GraphRecipient Recipient,
    [property: JsonPropertyName("message")] GraphText Message);

internal sealed record GraphCreated
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("message_id")]
    public string? MessageId { get; init; }
}

internal sealed record GraphObject
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("username")]
    public string? Username { get; init; }
}

internal sealed record GraphErrorEnvelope
{
    [JsonPropertyName("error")]
    public GraphError? Error { get; init; }
}

internal sealed record GraphError
{
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("code")]
    public int? Code { get; init; }

    [JsonPropertyName("error_subcode")]
    public int? Subcode { get; init; }
}

[JsonSerializable(typeof(GraphMessage))]
[JsonSerializable(typeof(GraphPrivateReply))]
[JsonSerializable(typeof(GraphCreated))]
[JsonSerializable(typeof(GraphObject))]
[JsonSerializable(typeof(GraphErrorEnvelope))]
internal sealed partial class MetaJsonContext : JsonSerializerContext
{
}
