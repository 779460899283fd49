using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Azure.BotConnector;
using SocialBot.Core.Processing;

namespace SocialBot.Functions.Functions;

/// <summary>
/// <c>POST /api/messages</c> from the Bot Framework channel. Validates the caller's token, turns message activities into
/// mentions on the <c>mentions</c> queue and answers 202 at once; triage happens on the queue. 404 when no bot is
/// configured (<c>SocialBot:Bot:AppId</c>).
/// </summary>
public sealed partial class Messages
{
    public const string Route = "messages";

    /// <summary>Largest activity accepted (a Mention's text is at most 10,000 characters; activities carry more).</summary>
    private const int MaxBodyBytes = 256 * 1024;

    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly ILogger<Messages> _logger;

    public Messages(IServiceProvider services, TimeProvider time, ILogger<Messages> logger)
    {
        _services = services;
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

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBodyBytes)
        {
            return TooLarge();
        }

        IngressResult result;
        try
        {
            result = await ingress.ProcessAsync(request.Headers.Authorization.ToString(), buffer.ToArray(), cancellationToken);
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

    private static IResult TooLarge() =>
        Results.Json(new { error = $"the activity is larger than {MaxBodyBytes} bytes" }, statusCode: StatusCodes.Status413PayloadTooLarge);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Bot token keys could not be fetched ({ErrorType}); answered 503 so the channel retries")]
    private static partial void LogMetadataUnavailable(ILogger logger, string errorType);
}
