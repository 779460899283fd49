using SocialBot.Functions.Functions;

namespace SocialBot.LocalHost;

/// <summary>
/// The app's HTTP functions as ASP.NET Core routes: <c>/{route}</c> (host.json <c>routePrefix</c> is empty, so each
/// function's route is its full path) with the methods of the function's <c>[HttpTrigger]</c>, named for the function
/// (the drift guard compares them with functions.metadata), calling the same function class.
/// </summary>
public static class HttpFunctions
{
    /// <summary>host.json <c>extensions.http.routePrefix</c> (empty: routes carry <c>api/</c> themselves) after the root slash.</summary>
    public const string RoutePrefix = "/";

    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(RoutePrefix + Health.Route, (HttpRequest request, Health function) => function.RunAsync(request))
            .WithName(nameof(Health));
        endpoints.MapPost(RoutePrefix + Messages.Route, (HttpRequest request, Messages function) => function.RunAsync(request))
            .WithName(nameof(Messages));
        endpoints.MapMethods(RoutePrefix + MetaWebhook.Route, [HttpMethods.Get, HttpMethods.Post], (HttpRequest request, MetaWebhook function) => function.RunAsync(request))
            .WithName(nameof(MetaWebhook));
        endpoints.MapInboxFunctions();
        return endpoints;
    }

    /// <summary>The inbox API and pages (<see cref="InboxFunctions"/>, <see cref="InboxPageFunctions"/>).</summary>
    private static void MapInboxFunctions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(RoutePrefix + InboxFunctions.MeRoute, (HttpRequest request, InboxFunctions functions) => functions.InboxMe(request))
            .WithName(nameof(InboxFunctions.InboxMe));
        endpoints.MapGet(RoutePrefix + InboxFunctions.HandoffsRoute, (HttpRequest request, InboxFunctions functions) => functions.InboxHandoffs(request))
            .WithName(nameof(InboxFunctions.InboxHandoffs));
        endpoints.MapGet(RoutePrefix + InboxFunctions.HandoffRoute, (HttpRequest request, InboxFunctions functions) => functions.InboxHandoff(request))
            .WithName(nameof(InboxFunctions.InboxHandoff));
        endpoints.MapPost(RoutePrefix + InboxFunctions.NextRoute, (HttpRequest request, InboxFunctions functions) => functions.InboxNext(request))
            .WithName(nameof(InboxFunctions.InboxNext));
        endpoints.MapPost(RoutePrefix + InboxFunctions.ClaimRoute, (HttpRequest request, InboxFunctions functions) => functions.InboxClaim(request))
            .WithName(nameof(InboxFunctions.InboxClaim));
        endpoints.MapPost(RoutePrefix + InboxFunctions.ReplyRoute, (HttpRequest request, InboxFunctions functions) => functions.InboxReply(request))
            .WithName(nameof(InboxFunctions.InboxReply));
        endpoints.MapPost(RoutePrefix + InboxFunctions.ResolveRoute, (HttpRequest request, InboxFunctions functions) => functions.InboxResolve(request))
            .WithName(nameof(InboxFunctions.InboxResolve));
        endpoints.MapPost(RoutePrefix + InboxFunctions.ReleaseRoute, (HttpRequest request, InboxFunctions functions) => functions.InboxRelease(request))
            .WithName(nameof(InboxFunctions.InboxRelease));
        endpoints.MapPost(RoutePrefix + InboxFunctions.ExtendRoute, (HttpRequest request, InboxFunctions functions) => functions.InboxExtend(request))
            .WithName(nameof(InboxFunctions.InboxExtend));
        endpoints.MapPost(RoutePrefix + InboxFunctions.CheckRoute, (HttpRequest request, InboxFunctions functions) => functions.InboxCheck(request))
            .WithName(nameof(InboxFunctions.InboxCheck));
        endpoints.MapGet(RoutePrefix + InboxFunctions.DashboardRoute, (HttpRequest request, InboxFunctions functions) => functions.InboxDashboard(request))
            .WithName(nameof(InboxFunctions.InboxDashboard));
        endpoints.MapGet(RoutePrefix + InboxPageFunctions.InboxRoute, (HttpRequest request, InboxPageFunctions functions) => functions.InboxPage(request))
            .WithName(nameof(InboxPageFunctions.InboxPage));
        endpoints.MapGet(RoutePrefix + InboxPageFunctions.DashboardRoute, (HttpRequest request, InboxPageFunctions functions) => functions.InboxDashboardPage(request))
            .WithName(nameof(InboxPageFunctions.InboxDashboardPage));
        endpoints.MapGet(RoutePrefix + InboxPageFunctions.AssetRoute, (HttpRequest request, string name) => InboxPageFunctions.InboxAsset(request, name))
            .WithName(nameof(InboxPageFunctions.InboxAsset));
        endpoints.MapGet(RoutePrefix + InboxPageFunctions.DevSignInRoute, (HttpRequest request, InboxPageFunctions functions) => functions.InboxDevSignIn(request))
            .WithName(nameof(InboxPageFunctions.InboxDevSignIn));
        endpoints.MapGet(RoutePrefix + InboxPageFunctions.SignOutRoute, (HttpRequest request, InboxPageFunctions functions) => functions.InboxSignOut(request))
            .WithName(nameof(InboxPageFunctions.InboxSignOut));
    }
}
