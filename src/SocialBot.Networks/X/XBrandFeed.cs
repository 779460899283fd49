using SocialBot.Networks.Common;

namespace SocialBot.Networks.X;

/// <summary>
/// One brand query on recent search: posts that name the brand (<c>direct: false</c>). The query excludes posts that
/// mention the account (<c>-@handle</c>: those arrive as direct mentions, so the direct one always wins) and reposts.
/// </summary>
internal sealed class XBrandFeed : XFeed
{
    private readonly string _query;

    public XBrandFeed(XApi api, XOptions options, int index, string query)
        : base(api, options)
    {
        Name = $"brand-{index}";
        _query = BuildQuery(query, options.Handle);
    }

    public override string Name { get; }

    protected override bool Direct => false;

    public static string BuildQuery(string query, string? handle)
    {
        ArgumentNullException.ThrowIfNull(query);
        var exclusions = " -is:retweet" + (string.IsNullOrWhiteSpace(handle) ? "" : $" -@{handle.TrimStart('@')}");
        return $"({query.Trim()}){exclusions}";
    }

    protected override Task<ApiResponse> FetchPageAsync(string? sinceId, string? token, CancellationToken cancellationToken) =>
        Api.SearchRecentAsync(_query, sinceId, token, cancellationToken);
}
