using SocialBot.Networks.Common;

namespace SocialBot.Networks.X;

/// <summary>The account's mention timeline (<c>GET /2/users/{id}/mentions</c>): direct mentions.</summary>
internal sealed class XMentionsFeed : XFeed
{
    public XMentionsFeed(XApi api, XOptions options)
        : base(api, options)
    {
    }

    public override string Name => "mentions";

    protected override bool Direct => true;

    protected override Task<ApiResponse> FetchPageAsync(string? sinceId, string? token, CancellationToken cancellationToken) =>
        Api.MentionsAsync(sinceId, token, cancellationToken);
}
