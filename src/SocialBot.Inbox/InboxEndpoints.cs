using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Inbox.Api;

namespace SocialBot.Inbox;

/// <summary>Routes of the inbox, in one place, for any ASP.NET Core host (and the list the Functions app mirrors).</summary>
public static class InboxEndpoints
{
    public const string Me = "/api/inbox/me";
    public const string Handoffs = "/api/inbox/handoffs";
    public const string Handoff = "/api/inbox/handoff";
    public const string Next = "/api/inbox/next";
    public const string Claim = "/api/inbox/handoff/claim";
    public const string Reply = "/api/inbox/handoff/reply";
    public const string Resolve = "/api/inbox/handoff/resolve";
    public const string Release = "/api/inbox/handoff/release";
    public const string Extend = "/api/inbox/handoff/extend";
    public const string Check = "/api/inbox/check";
    public const string Dashboard = "/api/inbox/dashboard";
    public const string InboxPage = "/inbox";
    public const string DashboardPage = "/inbox/dashboard";
    public const string Assets = "/inbox/assets/{name}";
    public const string DevSignIn = "/inbox/dev-signin";
    public const string SignOut = "/inbox/signout";

    /// <summary>Maps every <c>/api/inbox/…</c> route and the <c>/inbox</c> pages onto the handlers.</summary>
    public static IEndpointRouteBuilder MapSocialBotInbox(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Me, (HttpContext c, InboxApi api) => api.MeAsync(c));
        endpoints.MapGet(Handoffs, (HttpContext c, InboxApi api) => api.ListAsync(c));
        endpoints.MapGet(Handoff, (HttpContext c, InboxApi api) => api.GetAsync(c));
        endpoints.MapPost(Next, (HttpContext c, InboxApi api) => api.NextAsync(c));
        endpoints.MapPost(Claim, (HttpContext c, InboxApi api) => api.ClaimAsync(c));
        endpoints.MapPost(Reply, (HttpContext c, InboxApi api) => api.ReplyAsync(c));
        endpoints.MapPost(Resolve, (HttpContext c, InboxApi api) => api.ResolveAsync(c));
        endpoints.MapPost(Release, (HttpContext c, InboxApi api) => api.ReleaseAsync(c));
        endpoints.MapPost(Extend, (HttpContext c, InboxApi api) => api.ExtendAsync(c));
        endpoints.MapPost(Check, (HttpContext c, InboxApi api) => api.CheckAsync(c));
        endpoints.MapGet(Dashboard, (HttpContext c, InboxApi api) => api.DashboardAsync(c));
        endpoints.MapGet(InboxPage, (HttpContext c, InboxPages pages) => pages.InboxAsync(c));
        endpoints.MapGet(DashboardPage, (HttpContext c, InboxPages pages) => pages.DashboardAsync(c));
        endpoints.MapGet(Assets, (HttpContext c, string name) => InboxPages.Asset(c, name));
        endpoints.MapGet(DevSignIn, (HttpContext c, InboxPages pages) => pages.DevSignIn(c));
        endpoints.MapGet(SignOut, (HttpContext c, InboxPages pages) => pages.SignOut(c));
        return endpoints;
    }
}
