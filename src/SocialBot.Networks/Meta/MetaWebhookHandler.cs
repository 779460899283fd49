using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialBot.Core.Processing;

namespace SocialBot.Networks.Meta;

/// <summary>
/// <c>GET|POST /api/networks/meta</c>, independent of the host: the HTTP function (or the local host's route) passes
/// the query values, the signature header and the body, and writes the returned status and text (as text/plain).
/// The endpoint is anonymous; its checks are the security: the verify token for the handshake, the body cap and the
/// <c>X-Hub-Signature-256</c> HMAC before anything is parsed.
/// </summary>
public sealed partial class MetaWebhookHandler
{
    private const int MaxChallengeLength = 256;

    private readonly MetaOptions _options;
    private readonly MetaWebhookParser _parser;
    private readonly IMentionQueue _mentions;
    private readonly IPoisonQueue _poison;
    private readonly TimeProvider _time;
    private readonly ILogger<MetaWebhookHandler> _logger;

    public MetaWebhookHandler(IOptions<MetaOptions> options, IMentionQueue mentions, IPoisonQueue poison, TimeProvider time, ILogger<MetaWebhookHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _parser = new MetaWebhookParser(_options, time);
        _mentions = mentions;
        _poison = poison;
        _time = time;
        _logger = logger;
    }

    /// <summary>The largest body accepted, for hosts that cap the request themselves.</summary>
    public int MaxBodyBytes => _options.MaxWebhookBytes;

    /// <summary>
    /// The subscription handshake (<c>GET ?hub.mode=subscribe&amp;hub.verify_token=…&amp;hub.challenge=…</c>): 200 with
    /// the challenge when the mode and token match, otherwise 403.
    /// </summary>
    public MetaWebhookResult Verify(string? mode, string? verifyToken, string? challenge)
    {
        if (mode != "subscribe" || !MetaSignature.SecretEquals(verifyToken, _options.VerifyToken!))
        {
            LogHandshakeRefused(_logger);
            return MetaWebhookResult.Forbidden;
        }

        if (string.IsNullOrEmpty(challenge) || challenge.Length > MaxChallengeLength || !challenge.All(char.IsAsciiLetterOrDigit))
        {
            return new MetaWebhookResult(400, "hub.challenge must be 1..256 letters or digits");
        }

        LogHandshakeAccepted(_logger);
        return new MetaWebhookResult(200, challenge);
    }

    /// <summary>
    /// A delivery read from a stream: refused with 413 when <paramref name="contentLength"/> or the bytes read pass the
    /// cap (reading stops there), then as <see cref="HandleAsync(string?, ReadOnlyMemory{byte}, CancellationToken)"/>.
    /// </summary>
    public async Task<MetaWebhookResult> HandleAsync(string? signature, long? contentLength, Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var cap = _options.MaxWebhookBytes;
        if (contentLength > cap)
        {
            LogTooLarge(_logger, contentLength.Value, cap);
            return TooLarge(cap);
        }

        var buffer = new byte[Math.Min(cap + 1, contentLength is > 0 and var length ? (int)length + 1 : 16 * 1024)];
        var read = 0;
        while (true)
        {
            if (read == buffer.Length)
            {
                if (buffer.Length > cap)
                {
                    LogTooLarge(_logger, read, cap);
                    return TooLarge(cap);
                }

                Array.Resize(ref buffer, Math.Min(cap + 1, buffer.Length * 2));
            }

            var count = await body.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (count == 0)
            {
                break;
            }

            read += count;
        }

        return await HandleAsync(signature, buffer.AsMemory(0, read), cancellationToken);
    }

    /// <summary>
    /// A delivery: 401 without a valid signature, 413 over the cap, 400 when the signed body is not a webhook payload;
    /// otherwise every comment in it is enqueued as a mention (a malformed change goes to the poison queue with its
    /// reason, the others still count) and the answer is 200. A failed enqueue answers 500 so Meta redelivers (triage
    /// is idempotent by channel + comment id).
    /// </summary>
    public async Task<MetaWebhookResult> HandleAsync(string? signature, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        if (body.Length > _options.MaxWebhookBytes)
        {
            LogTooLarge(_logger, body.Length, _options.MaxWebhookBytes);
            return TooLarge(_options.MaxWebhookBytes);
        }

        if (string.IsNullOrEmpty(signature))
        {
            LogSignatureMissing(_logger, body.Length);
            return MetaWebhookResult.Unauthorized;
        }

        if (!MetaSignature.IsValid(signature, body.Span, _options.AppSecret!))
        {
            LogSignatureInvalid(_logger, body.Length);
            return MetaWebhookResult.Unauthorized;
        }

        MetaWebhookBatch batch;
        try
        {
            batch = _parser.Parse(body);
        }
        catch (JsonException exception)
        {
            LogMalformed(_logger, body.Length, exception.GetType().Name);
            await PoisonAsync("body", "the signed webhook body is not a Meta webhook payload", Truncate(body), cancellationToken);
            return new MetaWebhookResult(400, "not a Meta webhook payload");
        }

        foreach (var refused in batch.Refused)
        {
            LogChangeRefused(_logger, refused.Where, refused.Reason);
            await PoisonAsync(refused.Where, refused.Reason, refused.Raw ?? string.Empty, cancellationToken);
        }

        foreach (var skipped in batch.Skipped)
        {
            LogChangeSkipped(_logger, skipped.Where, skipped.Reason);
        }

        foreach (var mention in batch.Mentions)
        {
            await _mentions.EnqueueMentionAsync(mention, cancellationToken);
            LogEnqueued(_logger, mention.Channel, mention.Id);
        }

        return new MetaWebhookResult(200, $"enqueued {batch.Mentions.Count}, skipped {batch.Skipped.Count}, refused {batch.Refused.Count}");
    }

    private async Task PoisonAsync(string where, string reason, string raw, CancellationToken cancellationToken)
    {
        await _poison.SendAsync("mentions", new PoisonMessage
        {
            Reason = $"Meta webhook {where}: {reason}",
            Queue = "mentions",
            DequeueCount = 0,
            PoisonedAt = _time.GetUtcNow(),
            Message = raw,
        }, cancellationToken);
    }

    private static string Truncate(ReadOnlyMemory<byte> body)
    {
        const int MaxBytes = 30_000;
        var text = System.Text.Encoding.UTF8.GetString(body.Span[..Math.Min(body.Length, MaxBytes)]);
        return text;
    }

    private static MetaWebhookResult TooLarge(int cap) => new(413, $"the body is larger than {cap} bytes");

    [LoggerMessage(EventId = 7401, Level = LogLevel.Warning, Message = "Meta webhook handshake refused: wrong mode or verify token")]
    private static partial void LogHandshakeRefused(ILogger logger);

    [LoggerMessage(EventId = 7402, Level = LogLevel.Information, Message = "Meta webhook handshake accepted")]
    private static partial void LogHandshakeAccepted(ILogger logger);

    [LoggerMessage(EventId = 7403, Level = LogLevel.Warning, Message = "Meta webhook refused: {Length} bytes is over the cap of {Cap}")]
    private static partial void LogTooLarge(ILogger logger, long length, int cap);

    [LoggerMessage(EventId = 7404, Level = LogLevel.Warning, Message = "Meta webhook refused: no X-Hub-Signature-256 header ({Length} bytes)")]
    private static partial void LogSignatureMissing(ILogger logger, int length);

    [LoggerMessage(EventId = 7405, Level = LogLevel.Warning, Message = "Meta webhook refused: the X-Hub-Signature-256 does not match the body ({Length} bytes)")]
    private static partial void LogSignatureInvalid(ILogger logger, int length);

    [LoggerMessage(EventId = 7406, Level = LogLevel.Warning, Message = "Meta webhook body of {Length} bytes is signed but not a webhook payload ({ErrorType}); poisoned")]
    private static partial void LogMalformed(ILogger logger, int length, string errorType);

    [LoggerMessage(EventId = 7407, Level = LogLevel.Warning, Message = "Meta webhook {Where} refused: {Reason}; poisoned")]
    private static partial void LogChangeRefused(ILogger logger, string where, string reason);

    [LoggerMessage(EventId = 7408, Level = LogLevel.Debug, Message = "Meta webhook {Where} skipped: {Reason}")]
    private static partial void LogChangeSkipped(ILogger logger, string where, string reason);

    [LoggerMessage(EventId = 7409, Level = LogLevel.Information, Message = "Meta webhook enqueued {Channel} comment {CommentId}")]
    private static partial void LogEnqueued(ILogger logger, string channel, string commentId);
}
