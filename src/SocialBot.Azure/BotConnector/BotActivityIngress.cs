using System.Text.Json;
using Microsoft.Extensions.Logging;
using SocialBot.Azure.Http;

namespace SocialBot.Azure.BotConnector;

/// <summary>
/// The transport-neutral body of <c>POST /api/messages</c>: parse the Activity, authenticate the caller against
/// its serviceUrl and channelId, and map it. Fast: no storage, no Connector calls.
/// </summary>
public sealed class BotActivityIngress
{
    /// <summary>Largest activity accepted, in bytes (a Mention's text is at most 10,000 characters; activities carry more).</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private readonly BotTokenValidator _validator;
    private readonly ActivityMapper _mapper;
    private readonly BotServiceUrlPolicy _serviceUrls;
    private readonly ILogger<BotActivityIngress> _logger;

    public BotActivityIngress(BotTokenValidator validator, ActivityMapper mapper, BotServiceUrlPolicy serviceUrls, ILogger<BotActivityIngress> logger)
    {
        _validator = validator;
        _mapper = mapper;
        _serviceUrls = serviceUrls;
        _logger = logger;
    }

    /// <summary>
    /// Reads the body with <see cref="BoundedBodyReader"/> (stops at <see cref="MaxBodyBytes"/>, answers 413) and
    /// handles the activity. Use this from every host: it never buffers more than the cap.
    /// </summary>
    public async Task<IngressResult> ProcessAsync(string? authorizationHeader, Stream body, long? contentLength, CancellationToken cancellationToken = default)
    {
        var read = await BoundedBodyReader.ReadAsync(body, contentLength, MaxBodyBytes, cancellationToken);
        if (read.IsTooLarge)
        {
            BotConnectorLog.ActivityTooLarge(_logger, MaxBodyBytes);
            return new IngressResult { StatusCode = 413, Reason = read.TooLargeMessage };
        }

        return await ProcessAsync(authorizationHeader, read.Content, cancellationToken);
    }

    /// <summary>Handles one inbound activity.</summary>
    /// <exception cref="InvalidOperationException">The OpenID metadata could not be fetched: transient, answer 5xx.</exception>
    public async Task<IngressResult> ProcessAsync(string? authorizationHeader, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            return Malformed($"the body is not valid JSON ({exception.Message.Split(". ")[0].TrimEnd('.')})");
        }

        using (document)
        {
            var activity = document.RootElement;
            if (activity.ValueKind != JsonValueKind.Object)
            {
                return Malformed("$: expected an Activity object");
            }

            // serviceUrl and channelId are what the token is checked against, so they are needed first.
            var serviceUrl = ActivityMapper.Optional(activity, "serviceUrl");
            var channelId = ActivityMapper.Optional(activity, "channelId");
            if (serviceUrl is null || channelId is null)
            {
                return Malformed(serviceUrl is null ? "serviceUrl: is required" : "channelId: is required");
            }

            var authentication = await _validator.ValidateAsync(authorizationHeader, serviceUrl, channelId, cancellationToken);
            if (!authentication.IsAuthenticated)
            {
                return new IngressResult { StatusCode = authentication.StatusCode, Reason = $"authentication failed: {authentication.FailedCheck}" };
            }

            // Whatever the token says, an activity is only queued if its replies may go to its serviceUrl.
            if (!_serviceUrls.IsAllowed(serviceUrl))
            {
                BotConnectorLog.TokenRejected(_logger, BotAuthenticationResult.ServiceUrlNotAllowed, 403, channelId);
                return new IngressResult { StatusCode = 403, Reason = $"authentication failed: {BotAuthenticationResult.ServiceUrlNotAllowed}" };
            }

            var mapped = _mapper.Map(activity);
            switch (mapped.Outcome)
            {
                case ActivityOutcome.Mention:
                    BotConnectorLog.MentionAccepted(_logger, mapped.Mention!.Id, mapped.Mention.Channel);
                    return new IngressResult { StatusCode = 202, ToEnqueue = mapped.Mention };
                case ActivityOutcome.HandoffStatus:
                    BotConnectorLog.HandoffStatusReceived(_logger, mapped.HandoffStatus!.State, channelId);
                    return new IngressResult { StatusCode = 202, Status = mapped.HandoffStatus };
                case ActivityOutcome.NotTriaged:
                    var type = ActivityMapper.Optional(activity, "type") ?? "?";
                    BotConnectorLog.ActivityNotTriaged(_logger, type, channelId, mapped.Reason!);
                    return new IngressResult { StatusCode = 200, Reason = mapped.Reason };
                default:
                    return Malformed(mapped.Reason!);
            }
        }
    }

    private IngressResult Malformed(string reason)
    {
        BotConnectorLog.ActivityMalformed(_logger, reason);
        return new IngressResult { StatusCode = 400, Reason = reason };
    }
}
