using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Azure.Http;
using SocialBot.Functions.Hosting;
using SocialBot.Networks.Meta;

namespace SocialBot.Functions.Functions;

/// <summary>
/// <c>GET|POST /api/networks/meta</c>: Meta's webhook for Facebook Page and Instagram comments. GET answers the
/// subscription handshake; POST checks <c>X-Hub-Signature-256</c> before parsing, enqueues the comments as mentions and
/// answers 200 (the handler's own checks are the security: the route is anonymous, admitted under the per-client limits). 404 when Meta is not configured.
/// </summary>
public sealed class MetaWebhook
{
    public const string Route = "api/networks/meta";

    private readonly IServiceProvider _services;
    private readonly ClientRateLimiter _limiter;

    public MetaWebhook(IServiceProvider services, ClientRateLimiter limiter)
    {
        _services = services;
        _limiter = limiter;
    }

    [Function(nameof(MetaWebhook))]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Route)] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var handler = _services.GetService<MetaWebhookHandler>();
        if (handler is null)
        {
            return Results.Json(new { error = "the Meta connector is not configured (set SocialBot:Networks:Meta)" }, statusCode: StatusCodes.Status404NotFound);
        }

        using var admission = AnonymousAdmission.Admit(_limiter, request, out var refusal);
        if (refusal is not null)
        {
            return refusal;
        }

        var result = HttpMethods.IsGet(request.Method)
            ? handler.Verify(request.Query["hub.mode"], request.Query["hub.verify_token"], request.Query["hub.challenge"])
            : await handler.HandleAsync(request.Headers["X-Hub-Signature-256"], request.ContentLength, request.Body, request.HttpContext.RequestAborted);
        return Results.Text(result.Body, "text/plain", statusCode: result.StatusCode);
    }
}
