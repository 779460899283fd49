using Microsoft.AspNetCore.Http;
using SocialBot.Azure.Http;

namespace SocialBot.Functions.Hosting;

/// <summary>
/// The door of every anonymous HTTP function: the caller (by client address) is admitted under the per-client
/// concurrency and rate limits of <see cref="ClientRateLimiter"/> before its body is read, or refused with 429 and
/// <c>Retry-After</c>. The admission is held until the request ends (dispose it).
/// </summary>
internal static class AnonymousAdmission
{
    public static ClientAdmission Admit(ClientRateLimiter limiter, HttpRequest request, out IResult? refusal)
    {
        var client = ClientAddress.From(request.Headers["X-Forwarded-For"], request.HttpContext.Connection.RemoteIpAddress?.ToString());
        var admission = limiter.TryAcquire(client);
        refusal = admission.IsAllowed
            ? null
            : new TooManyRequests(admission.RetryAfterSeconds ?? 1);
        return admission;
    }

    private sealed class TooManyRequests(int retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { error = $"too many requests from this client; retry after {retryAfterSeconds} s" }, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(httpContext);
        }
    }
}
