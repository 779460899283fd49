using System.Net;
using System.Text.Json;

namespace SocialBot.Networks.Common;

/// <summary>
/// Sends one network's API requests through its named <see cref="HttpClient"/> (redirects off: they would carry the
/// tokens elsewhere) and reads the answer: a 2xx JSON body of at most <see cref="MaxResponseBytes"/>, or a
/// <see cref="NetworkApiException"/> carrying the status, the API's error code and the rate-limit reset.
/// </summary>
public sealed class NetworkHttp
{
    /// <summary>Largest response read (a page of 100 posts is well under 1 MB).</summary>
    public const int MaxResponseBytes = 4 * 1024 * 1024;

    private const int MaxDetailLength = 200;

    private readonly IHttpClientFactory _factory;
    private readonly string _clientName;
    private readonly TimeProvider _time;
    private long _requests;

    public NetworkHttp(IHttpClientFactory factory, string network, TimeProvider time)
    {
        _factory = factory;
        Network = network;
        _clientName = ClientName(network);
        _time = time;
    }

    public string Network { get; }

    /// <summary>Requests sent since start (for the API-calls-per-mention figure).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public static string ClientName(string network) => "SocialBot.Networks." + network;

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = _factory.CreateClient(_clientName);
        Interlocked.Increment(ref _requests);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new NetworkApiException($"{Network} {operation}: the API could not be reached ({exception.HttpRequestError})", HttpStatusCode.ServiceUnavailable, null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NetworkApiException($"{Network} {operation}: the API did not answer in time", HttpStatusCode.RequestTimeout, null);
        }

        using (response)
        {
            var now = _time.GetUtcNow();
            var rateLimit = RateLimit.From(response.Headers, now);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400)
            {
                throw new NetworkApiException($"{Network} {operation}: the API answered with a redirect ({status}), which is not followed (check the base URL)", response.StatusCode, null);
            }

            var bytes = await ReadCappedAsync(response, operation, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var (code, detail) = ReadError(bytes);
                throw new NetworkApiException(
                    $"{Network} {operation}: HTTP {status} {response.ReasonPhrase}" + (detail is null ? "" : $" ({detail})"),
                    response.StatusCode,
                    rateLimit.ResetAt,
                    code);
            }

            JsonDocument body;
            try
            {
                body = bytes.Length == 0 ? JsonDocument.Parse("{}") : JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            }
            catch (JsonException exception)
            {
                throw new NetworkApiException($"{Network} {operation}: the response is not valid JSON ({FirstLine(exception.Message)})");
            }

            return new ApiResponse(body, rateLimit, response.StatusCode);
        }
    }

    private async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is > MaxResponseBytes)
        {
            throw new NetworkApiException($"{Network} {operation}: the response is larger than {MaxResponseBytes} bytes ({response.Content.Headers.ContentLength} announced)");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxResponseBytes)
            {
                throw new NetworkApiException($"{Network} {operation}: the response is larger than {MaxResponseBytes} bytes");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The API's error code and a short detail: X problem details (title/detail, errors[].message), Bluesky and Mastodon <c>{ error, message }</c>.</summary>
    private static (string? Code, string? Detail) ReadError(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var code = Text(root, "error") ?? Text(root, "title");
            var detail = Text(root, "detail") ?? Text(root, "message") ?? Text(root, "error_description");
            if (detail is null && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                detail = Text(errors[0], "message");
            }

            var combined = code is null ? detail : detail is null ? code : $"{code}: {detail}";
            return (code, combined is null ? null : Shorten(combined));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shorten(string text)
    {
        var line = FirstLine(text);
        return line.Length <= MaxDetailLength ? line : line[..MaxDetailLength] + "…";
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
