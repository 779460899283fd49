using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SocialBot.Inbox.Api;

namespace SocialBot.Functions.Functions;

/// <summary>
/// The inbox pages outside <c>/api</c> (<c>/inbox</c>, <c>/inbox/dashboard</c>, <c>/inbox/assets/{name}</c>,
/// <c>/inbox/dev-signin</c>, <c>/inbox/signout</c>): one <c>[Function]</c> method per route over
/// <see cref="InboxPages"/>, grouped like <see cref="InboxFunctions"/>.
/// </summary>
public sealed class InboxPageFunctions
{
    public const string InboxRoute = "inbox";
    public const string DashboardRoute = "inbox/dashboard";
    public const string AssetRoute = "inbox/assets/{name}";
    public const string DevSignInRoute = "inbox/dev-signin";
    public const string SignOutRoute = "inbox/signout";

    private readonly InboxPages _pages;

    public InboxPageFunctions(InboxPages pages)
    {
        _pages = pages;
    }

    [Function(nameof(InboxPage))]
    public Task<IResult> InboxPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = InboxRoute)] HttpRequest request) =>
        _pages.InboxAsync(InboxFunctions.Context(request));

    [Function(nameof(InboxDashboardPage))]
    public Task<IResult> InboxDashboardPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DashboardRoute)] HttpRequest request) =>
        _pages.DashboardAsync(InboxFunctions.Context(request));

    [Function(nameof(InboxAsset))]
    public static IResult InboxAsset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AssetRoute)] HttpRequest request, string name) =>
        InboxPages.Asset(InboxFunctions.Context(request), name);

    [Function(nameof(InboxDevSignIn))]
    public IResult InboxDevSignIn([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DevSignInRoute)] HttpRequest request) =>
        _pages.DevSignIn(InboxFunctions.Context(request));

    [Function(nameof(InboxSignOut))]
    public IResult InboxSignOut([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SignOutRoute)] HttpRequest request) =>
        _pages.SignOut(InboxFunctions.Context(request));
}
