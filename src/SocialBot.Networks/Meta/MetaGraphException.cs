using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SocialBot.Networks.Meta;

/// <summary>
/// A Graph API error (<c>{"error":{"message","type","code","error_subcode","fbtrace_id"}}</c>). Rate limits (codes 4,
/// 17, 32, 613, HTTP 429), temporary errors (1, 2) and 5xx are transient; permissions (10, 200–299), expired or
/// invalid tokens (190), invalid parameters and other 4xx are permanent.
/// </summary>
public sealed class MetaGraphException : Exception
{
    private const int MaxMessageLength = 300;

    public MetaGraphException()
    {
    }

    public MetaGraphException(string message)
        : base(message)
    {
    }

    public MetaGraphException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal MetaGraphException(HttpStatusCode? status, int? code, int? subcode, string message, bool transient, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = status;
        Code = code;
        Subcode = subcode;
        IsTransient = transient;
    }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>The Graph error code (<c>error.code</c>), when the answer had one.</summary>
    public int? Code { get; }

    public int? Subcode { get; }

    /// <summary>Whether retrying later can help (rate limits, temporary errors, 5xx, network failures).</summary>
    public bool IsTransient { get; }

    public static bool IsTransientCode(int? code, HttpStatusCode? status) => code switch
    {
        1 or 2 or 4 or 17 or 32 or 341 or 613 => true,
        10 or 190 or (>= 200 and <= 299) => false,
        _ => status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int?)status >= 500,
    };

    internal static async Task<MetaGraphException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        GraphError? error = null;
        try
        {
            var envelope = await response.Content.ReadFromJsonAsync(MetaJsonContext.Default.GraphErrorEnvelope, cancellationToken);
            error = envelope?.Error;
        }
        catch (JsonException)
        {
            // Not a Graph error body (a proxy's HTML page): the status code decides.
        }

        var status = response.StatusCode;
        var transient = IsTransientCode(error?.Code, status);
        var what = error?.Code switch
        {
            4 or 17 or 32 or 613 => "rate limited",
            10 or (>= 200 and <= 299) => "permission missing (check the Page token's permissions and the app's review status)",
            190 => "the Page access token is invalid or expired (create a new long-lived Page token)",
            10900 => "a private reply was already sent for this comment (one per comment): continue the conversation in Messenger or Instagram Direct",
            _ => transient ? "temporarily unavailable" : "refused",
        };
        var detail = error?.Message is { Length: > 0 } message
            ? $": {(message.Length <= MaxMessageLength ? message : message[..MaxMessageLength])}"
            : string.Empty;
        return new MetaGraphException(
            status,
            error?.Code,
            error?.Subcode,
            $"Graph API {(int)status}{(error?.Code is { } code ? $" code {code}" : string.Empty)}{(error?.Subcode is { } sub ? $"/{sub}" : string.Empty)}: {what}{detail}",
            transient);
    }
}
