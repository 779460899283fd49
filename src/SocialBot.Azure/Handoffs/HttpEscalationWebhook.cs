using System.Net.Http.Json;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Serialization;
using SocialBot.Http;

namespace SocialBot.Azure.Handoffs;

/// <summary>
/// POSTs escalation notices as JSON to <c>SocialBot:Escalation:WebhookUrl</c> through the <see cref="HttpClientName"/>
/// client (redirects off: the URL carries the webhook's secret); any non-2xx or timeout throws and the queue retries.
/// </summary>
internal sealed class HttpEscalationWebhook : IEscalationWebhook
{
    public const string HttpClientName = "SocialBot.EscalationWebhook";

    private readonly HttpClient _http;
    private readonly EscalationOptions _options;

    public HttpEscalationWebhook(HttpClient http, EscalationOptions options)
    {
        _http = http;
        _options = options;
    }

    public async Task PostAsync(EscalationNotice notice, CancellationToken cancellationToken = default)
    {
        var uri = _options.WebhookUri ?? throw new InvalidOperationException("SocialBot:Escalation:WebhookUrl is not set");
        try
        {
            using var response = await _http.PostAsJsonAsync(uri, notice, SocialBotJson.Options, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new EscalationWebhookException($"the escalation webhook answered {(int)response.StatusCode} {response.ReasonPhrase}", (int)response.StatusCode);
            }
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EscalationWebhookException($"the escalation webhook did not answer within {_options.TimeoutSeconds} s", 0, exception);
        }
    }

    /// <summary>
    /// <c>SocialBot:Escalation:TimeoutSeconds</c> an attempt; a POST, so it is retried only when it never reached the
    /// webhook or on 429/503 with a <c>Retry-After</c> of at most 30 s (a page must not be sent twice).
    /// </summary>
    public static OutboundHttpPolicy Policy(EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var attempt = TimeSpan.FromSeconds(options.TimeoutSeconds);
        return new OutboundHttpPolicy
        {
            AttemptTimeout = attempt,
            TotalTimeout = attempt + TimeSpan.FromSeconds(30),
            MaxRetries = 2,
            MaxRetryAfter = TimeSpan.FromSeconds(30),
        };
    }
}

/// <summary>The escalation webhook failed (status 0 for a timeout); the queue retries the notice.</summary>
public sealed class EscalationWebhookException : Exception
{
    public EscalationWebhookException()
    {
    }

    public EscalationWebhookException(string message)
        : base(message)
    {
    }

    public EscalationWebhookException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EscalationWebhookException(string message, int status, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
    }

    public int Status { get; }
}
