using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialBot.Azure.BotConnector;
using SocialBot.Core.Processing;

namespace SocialBot.Functions.Hosting;

/// <summary>
/// The <c>Messages</c> function: <c>POST /api/messages</c> from the Bot Framework channel (forwarded as-is by the
/// Functions host, served directly in standalone mode). Validates the caller's token, turns message activities into
/// mentions on the <c>mentions</c> queue and answers 202 at once; triage happens on the queue.
/// </summary>
internal static partial class BotMessagesEndpoint
{
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, IServiceProvider services, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var ingress = services.GetService<BotActivityIngress>();
        if (ingress is null)
        {
            return Results.Json(new { error = "the Bot Framework channel is not configured (set SocialBot:Bot:AppId)" }, statusCode: StatusCodes.Status404NotFound);
        }

        IngressResult result;
        try
        {
            // Stops reading at BotActivityIngress.MaxBodyBytes and answers 413: a chunked body is never copied in full.
            result = await ingress.ProcessAsync(request.Headers.Authorization.ToString(), request.Body, request.ContentLength, cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            LogMetadataUnavailable(loggers.CreateLogger("SocialBot.Functions.Messages"), exception.GetType().Name);
            return Results.Json(new { error = "token keys are unavailable; try again" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (result.ToEnqueue is { } mention)
        {
            await services.GetRequiredService<IMentionQueue>().EnqueueMentionAsync(mention, cancellationToken);
        }
        else if (result.Status is { } status)
        {
            await services.GetRequiredService<IMentionLedger>().RecordHandoffStatusAsync(status.ChannelId, status.ConversationId, status.State, status.Message, time.GetUtcNow(), cancellationToken);
        }

        return result.StatusCode is >= 200 and < 300
            ? Results.StatusCode(result.StatusCode)
            : Results.Json(new { error = result.Reason ?? "refused" }, statusCode: result.StatusCode);
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Bot token keys could not be fetched ({ErrorType}); answered 503 so the channel retries")]
    private static partial void LogMetadataUnavailable(ILogger logger, string errorType);
}
