using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SocialBot.Inbox.Api;

namespace SocialBot.Functions.Functions;

/// <summary>
/// The agents' inbox API (<c>/api/inbox/…</c>, docs/inbox.md): one <c>[Function]</c> method per route, each a thin call
/// to <see cref="InboxApi"/>, which signs the caller in and does the work. An exception to "one class per function":
/// eleven one-line functions over one handler read better in one file. The routes match
/// <c>SocialBot.Inbox.InboxEndpoints</c> without its leading slash (host.json <c>routePrefix</c> is empty).
/// </summary>
public sealed class InboxFunctions
{
    public const string MeRoute = "api/inbox/me";
    public const string HandoffsRoute = "api/inbox/handoffs";
    public const string HandoffRoute = "api/inbox/handoff";
    public const string NextRoute = "api/inbox/next";
    public const string ClaimRoute = "api/inbox/handoff/claim";
    public const string ReplyRoute = "api/inbox/handoff/reply";
    public const string ResolveRoute = "api/inbox/handoff/resolve";
    public const string ReleaseRoute = "api/inbox/handoff/release";
    public const string ExtendRoute = "api/inbox/handoff/extend";
    public const string CheckRoute = "api/inbox/check";
    public const string DashboardRoute = "api/inbox/dashboard";

    private readonly InboxApi _api;

    public InboxFunctions(InboxApi api)
    {
        _api = api;
    }

    [Function(nameof(InboxMe))]
    public Task<IResult> InboxMe([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MeRoute)] HttpRequest request) =>
        _api.MeAsync(Context(request));

    [Function(nameof(InboxHandoffs))]
    public Task<IResult> InboxHandoffs([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HandoffsRoute)] HttpRequest request) =>
        _api.ListAsync(Context(request));

    [Function(nameof(InboxHandoff))]
    public Task<IResult> InboxHandoff([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HandoffRoute)] HttpRequest request) =>
        _api.GetAsync(Context(request));

    [Function(nameof(InboxNext))]
    public Task<IResult> InboxNext([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = NextRoute)] HttpRequest request) =>
        _api.NextAsync(Context(request));

    [Function(nameof(InboxClaim))]
    public Task<IResult> InboxClaim([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ClaimRoute)] HttpRequest request) =>
        _api.ClaimAsync(Context(request));

    [Function(nameof(InboxReply))]
    public Task<IResult> InboxReply([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ReplyRoute)] HttpRequest request) =>
        _api.ReplyAsync(Context(request));

    [Function(nameof(InboxResolve))]
    public Task<IResult> InboxResolve([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ResolveRoute)] HttpRequest request) =>
        _api.ResolveAsync(Context(request));

    [Function(nameof(InboxRelease))]
    public Task<IResult> InboxRelease([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ReleaseRoute)] HttpRequest request) =>
        _api.ReleaseAsync(Context(request));

    [Function(nameof(InboxExtend))]
    public Task<IResult> InboxExtend([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ExtendRoute)] HttpRequest request) =>
        _api.ExtendAsync(Context(request));

    [Function(nameof(InboxCheck))]
    public Task<IResult> InboxCheck([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CheckRoute)] HttpRequest request) =>
        _api.CheckAsync(Context(request));

    [Function(nameof(InboxDashboard))]
    public Task<IResult> InboxDashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DashboardRoute)] HttpRequest request) =>
        _api.DashboardAsync(Context(request));

    internal static HttpContext Context(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext;
    }
}
