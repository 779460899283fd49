using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Azure.BotConnector;
using SocialBot.Azure.Http;
using SocialBot.Core.Processing;
using SocialBot.Functions.Hosting;

namespace SocialBot.Functions.Functions;

/// <summary>
/// <c>POST /api/messages</c> from the Bot Framework channel. Admits the caller under the per-client limits, validates
/// its token, turns message activities into mentions on the <c>mentions</c> queue and answers 202 at once; triage
/// happens on the queue. The body is read only up to its cap (413 beyond). 404 when no bot is configured
/// (<c>SocialBot:Bot:AppId</c>).
/// </summary>
public sealed partial class Messages
{
    public const string Route = "api/messages";

    private readonly IServiceProvider _services;
    private readonly ClientRateLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly ILogger<Messages> _logger;

    public Messages(IServiceProvider services, ClientRateLimiter limiter, TimeProvider time, ILogger<Messages> logger)
    {
        _services = services;
        _limiter = limiter;
        _time = time;
        _logger = logger;
    }

    [Function(nameof(Messages))]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var ingress = _services.GetService<BotActivityIngress>();
        if (ingress is null)
        {
            return Results.Json(new { error = "the Bot Framework channel is not configured (set SocialBot:Bot:AppId)" }, statusCode: StatusCodes.Status404NotFound);
        }

        using var admission = AnonymousAdmission.Admit(_limiter, request, out var refusal);
        if (refusal is not null)
        {
            return refusal;
        }

        IngressResult result;
        try
        {
            // Stops reading at BotActivityIngress.MaxBodyBytes and answers 413: a chunked body is never copied in full.
            result = await ingress.ProcessAsync(request.Headers.Authorization.ToString(), request.Body, request.ContentLength, cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            LogMetadataUnavailable(_logger, exception.GetType().Name);
            return Results.Json(new { error = "token keys are unavailable; try again" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (result.ToEnqueue is { } mention)
        {
            await _services.GetRequiredService<IMentionQueue>().EnqueueMentionAsync(mention, cancellationToken);
        }
        else if (result.Status is { } status)
        {
            await _services.GetRequiredService<IMentionLedger>().RecordHandoffStatusAsync(status.ChannelId, status.ConversationId, status.State, status.Message, _time.GetUtcNow(), cancellationToken);
        }

        return result.StatusCode is >= 200 and < 300
            ? Results.StatusCode(result.StatusCode)
            : Results.Json(new { error = result.Reason ?? "refused" }, statusCode: result.StatusCode);
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Bot token keys could not be fetched ({ErrorType}); answered 503 so the channel retries")]
    private static partial void LogMetadataUnavailable(ILogger logger, string errorType);
}
