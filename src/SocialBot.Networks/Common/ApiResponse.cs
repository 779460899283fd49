using System.Net;
using System.Text.Json;

namespace SocialBot.Networks.Common;

/// <summary>A successful response: its JSON body (dispose it) and the rate-limit headers.</summary>
public sealed class ApiResponse : IDisposable
{
    public ApiResponse(JsonDocument body, RateLimit rateLimit, HttpStatusCode statusCode)
    {
        Body = body;
        RateLimit = rateLimit;
        StatusCode = statusCode;
    }

    public JsonDocument Body { get; }

    public JsonElement Root => Body.RootElement;

    public RateLimit RateLimit { get; }

    public HttpStatusCode StatusCode { get; }

    public void Dispose() => Body.Dispose();
}
