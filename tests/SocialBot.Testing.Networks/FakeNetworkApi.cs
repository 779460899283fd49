using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SocialBot.Testing.Bot;

namespace SocialBot.Testing.Networks;

/// <summary>A customer's post at the account that a fake network serves once it is added (visible from then on).</summary>
public sealed record FakeMention(string Id, string Text, string AuthorHandle, string AuthorName, DateTimeOffset CreatedAt, long VisibleAt)
{
    /// <summary>Bluesky: the post's content id (the strong ref's cid).</summary>
    public string Cid { get; init; } = "";
}

/// <summary>A reply that SocialBot posted back to a fake network, as the network received it.</summary>
public sealed record FakePost(string Network, string Id, string InReplyTo, string Text, DateTimeOffset ReceivedAt, long ReceivedTimestamp);

/// <summary>
/// The parts every fake network shares: a loopback server that records each request, checks the credentials as the
/// real service would (answering 401 otherwise), then either a test's scripted <see cref="Handler"/> or the network's
/// own routes over <see cref="Mentions"/> (served newest first, honouring the network's cursor) and the replies posted
/// back (<see cref="Posts"/>). <c>GET /_fake/mentions</c>, <c>GET /_fake/posts</c> and <c>GET /_fake/requests</c> show
/// them to a script; <c>POST /_fake/mentions</c> (<c>{ "text", "handle", "name" }</c>) adds a mention.
/// </summary>
public abstract class FakeNetworkApi : IAsyncDisposable
{
    private readonly List<FakeMention> _mentions = [];
    private readonly List<FakePost> _posts = [];
    private readonly List<(long Timestamp, string Endpoint)> _arrivals = [];
    private FakeHttpServer _server = null!;
    private int _rejected;

    /// <summary>The network's name as SocialBot knows it (<c>x</c>, <c>bluesky</c>, <c>mastodon</c>).</summary>
    public abstract string Network { get; }

    public string BaseUrl => _server.BaseUrl;

    /// <summary>Every request the fake received (those to <c>/_fake/</c> included).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    /// <summary>The requests to the network's API only (not <c>/_fake/</c>).</summary>
    public IReadOnlyList<RecordedRequest> ApiRequests => [.. Requests.Where(request => !request.Path.StartsWith("/_fake/", StringComparison.Ordinal))];

    /// <summary>Requests refused for their credentials (a bad signature, an unknown token).</summary>
    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>When set, answers each authorized request instead of the network's own routes: (request, count) → status, body, headers.</summary>
    public Func<RecordedRequest, int, (int Status, string Body, IDictionary<string, string>? Headers)>? Handler { get; set; }

    /// <summary>Whether <c>POST /_fake/mentions</c> is accepted (for a script or a benchmark driving the fake from outside).</summary>
    public bool AcceptMentionsOverHttp { get; set; } = true;

    /// <summary>The clock of <see cref="FakeMention.CreatedAt"/> and <see cref="FakePost.ReceivedAt"/>.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    public IReadOnlyList<FakeMention> Mentions
    {
        get
        {
            lock (_mentions)
            {
                return [.. _mentions];
            }
        }
    }

    public IReadOnlyList<FakePost> Posts
    {
        get
        {
            lock (_posts)
            {
                return [.. _posts];
            }
        }
    }

    /// <summary>The settings that point SocialBot at this fake (configuration keys, <c>:</c>-separated).</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings();

    /// <summary>Adds a customer's mention of the account; the network serves it from now on.</summary>
    public FakeMention AddMention(string text, string authorHandle, string authorName)
    {
        lock (_mentions)
        {
            var mention = CreateMention(_mentions.Count + 1, text, authorHandle, authorName, Time.GetUtcNow(), Stopwatch.GetTimestamp());
            _mentions.Add(mention);
            return mention;
        }
    }

    /// <summary>API requests per endpoint (method and path without the query; ids kept as they are).</summary>
    public IReadOnlyDictionary<string, int> RequestCounts() =>
        ApiRequests.GroupBy(Endpoint).OrderBy(group => group.Key, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count());

    /// <summary>When each API request arrived (<see cref="Stopwatch.GetTimestamp"/>) and its endpoint (method and path without the query).</summary>
    public IReadOnlyList<(long Timestamp, string Endpoint)> Arrivals
    {
        get
        {
            lock (_arrivals)
            {
                return [.. _arrivals];
            }
        }
    }

    private static string Endpoint(RecordedRequest request) => $"{request.Method} {request.Path.Split('?')[0]}";

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _server.DisposeAsync();
    }

    protected async Task StartServerAsync() => _server = await FakeHttpServer.StartAsync(HandleAsync);

    protected abstract FakeMention CreateMention(int number, string text, string authorHandle, string authorName, DateTimeOffset createdAt, long visibleAt);

    /// <summary>Null when the request carries valid credentials (or needs none); otherwise the network's refusal.</summary>
    protected abstract (int Status, string Body)? Refuse(RecordedRequest request);

    /// <summary>The network's own routes.</summary>
    protected abstract (int Status, string Body, IDictionary<string, string>? Headers) Serve(RecordedRequest request);

    protected FakeMention? FindMention(string id) => Mentions.FirstOrDefault(mention => mention.Id == id);

    /// <summary>Records a reply posted back to the network.</summary>
    protected FakePost RecordPost(string id, string inReplyTo, string text)
    {
        var post = new FakePost(Network, id, inReplyTo, text, Time.GetUtcNow(), Stopwatch.GetTimestamp());
        lock (_posts)
        {
            _posts.Add(post);
        }

        return post;
    }

    protected int PostCount
    {
        get
        {
            lock (_posts)
            {
                return _posts.Count;
            }
        }
    }

    protected static string Stamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private async Task HandleAsync(HttpContext context, RecordedRequest request, int count)
    {
        if (request.Path.StartsWith("/_fake/", StringComparison.Ordinal))
        {
            await HandleFakeAsync(context, request);
            return;
        }

        lock (_arrivals)
        {
            _arrivals.Add((Stopwatch.GetTimestamp(), Endpoint(request)));
        }

        if (Refuse(request) is { } refusal)
        {
            Interlocked.Increment(ref _rejected);
            await FakeApiAnswer.JsonAsync(context, refusal.Status, refusal.Body);
            return;
        }

        var (status, body, headers) = Handler is { } handler ? handler(request, count) : Serve(request);
        await FakeApiAnswer.JsonAsync(context, status, body, headers);
    }

    private async Task HandleFakeAsync(HttpContext context, RecordedRequest request)
    {
        switch (request.Method, request.Path.Split('?')[0])
        {
            case ("GET", "/_fake/mentions"):
                await FakeApiAnswer.JsonAsync(context, 200, new JsonArray([.. Mentions.Select(Describe)]).ToJsonString());
                return;
            case ("GET", "/_fake/posts"):
                await FakeApiAnswer.JsonAsync(context, 200, new JsonArray([.. Posts.Select(Describe)]).ToJsonString());
                return;
            case ("GET", "/_fake/requests"):
                var counts = new JsonObject();
                foreach (var (endpoint, number) in RequestCounts())
                {
                    counts[endpoint] = number;
                }

                await FakeApiAnswer.JsonAsync(context, 200, counts.ToJsonString());
                return;
            case ("POST", "/_fake/mentions") when AcceptMentionsOverHttp:
                try
                {
                    using var body = JsonDocument.Parse(request.Body);
                    var root = body.RootElement;
                    var mention = AddMention(root.GetProperty("text").GetString()!, root.GetProperty("handle").GetString()!, root.GetProperty("name").GetString()!);
                    await FakeApiAnswer.JsonAsync(context, 201, Describe(mention).ToJsonString());
                }
                catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    await FakeApiAnswer.JsonAsync(context, 400, new JsonObject { ["error"] = "expected { \"text\", \"handle\", \"name\" }" }.ToJsonString());
                }

                return;
            default:
                await FakeApiAnswer.JsonAsync(context, 404, """{ "error": "unknown fake endpoint" }""");
                return;
        }
    }

    private JsonObject Describe(FakeMention mention) => new()
    {
        ["network"] = Network,
        ["id"] = mention.Id,
        ["author"] = mention.AuthorHandle,
        ["text"] = mention.Text,
        ["createdAt"] = Stamp(mention.CreatedAt),
    };

    private static JsonObject Describe(FakePost post) => new()
    {
        ["network"] = post.Network,
        ["id"] = post.Id,
        ["inReplyTo"] = post.InReplyTo,
        ["text"] = post.Text,
        ["receivedAt"] = Stamp(post.ReceivedAt),
    };
}
