using Microsoft.AspNetCore.Http;
using SocialBot.Testing.Bot;

namespace SocialBot.Testing.Networks;

/// <summary>A fake API on loopback whose answers a test scripts per request (status, body, headers).</summary>
public sealed class ScriptedApi : IAsyncDisposable
{
    private FakeHttpServer _server = null!;

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    public Func<RecordedRequest, int, (int Status, string Body, IDictionary<string, string>? Headers)> Handler { get; set; } =
        (_, _) => (404, """{ "error": "NotFound" }""", null);

    public string BaseUrl => _server.BaseUrl;

    public static async Task<ScriptedApi> StartAsync()
    {
        var api = new ScriptedApi();
        api._server = await FakeHttpServer.StartAsync(api.HandleAsync);
        return api;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private Task HandleAsync(HttpContext context, RecordedRequest request, int count)
    {
        var (status, body, headers) = Handler(request, count);
        return FakeApiAnswer.JsonAsync(context, status, body, headers);
    }
}
