using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialBot.Networks.Meta;

/// <summary>What the host answers: a status code and a short text/plain body.</summary>
public sealed record MetaWebhookResult(int StatusCode, string Body)
{
    public static MetaWebhookResult Forbidden { get; } = new(403, "forbidden");

    public static MetaWebhookResult Unauthorized { get; } = new(401, "invalid signature");
}
