using System.Net.Http.Json;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Serialization;

namespace SocialBot.Azure.Handoffs;

/// <summary>POSTs escalation notices as JSON to <c>SocialBot:Escalation:WebhookUrl</c>; any non-2xx or timeout throws.</summary>
internal sealed class HttpEscalationWebhook : IEscalationWebhook
{
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
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            using var response = await _http.PostAsJsonAsync(uri, notice, SocialBotJson.Options, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new EscalationWebhookException($"the escalation webhook answered {(int)response.StatusCode} {response.ReasonPhrase}", (int)response.StatusCode);
            }
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EscalationWebhookException($"the escalation webhook did not answer within {_options.TimeoutSeconds} s", 0, exception);
        }
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
