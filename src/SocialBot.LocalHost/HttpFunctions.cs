using SocialBot.Functions.Functions;

namespace SocialBot.LocalHost;

/// <summary>
/// The app's HTTP functions as ASP.NET Core routes: <c>/api/{route}</c> with the methods of the function's
/// <c>[HttpTrigger]</c>, named for the function (the drift guard compares them with functions.metadata), calling the
/// same function class.
/// </summary>
public static class HttpFunctions
{
    /// <summary>host.json <c>extensions.http.routePrefix</c> (the Functions default).</summary>
    public const string RoutePrefix = "/api/";

    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(RoutePrefix + Health.Route, (HttpRequest request, Health function) => function.RunAsync(request))
            .WithName(nameof(Health));
        endpoints.MapPost(RoutePrefix + Messages.Route, (HttpRequest request, Messages function) => function.RunAsync(request))
            .WithName(nameof(Messages));
        endpoints.MapMethods(RoutePrefix + MetaWebhook.Route, [HttpMethods.Get, HttpMethods.Post], (HttpRequest request, MetaWebhook function) => function.RunAsync(request))
            .WithName(nameof(MetaWebhook));
        return endpoints;
    }
}
