using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SocialBot.Inbox.Identity;

namespace SocialBot.Inbox.Api;

/// <summary>
/// The pages: <c>/inbox</c>, <c>/inbox/dashboard</c> (supervisors), their CSS and JS from embedded resources (nothing is
/// fetched from elsewhere at run time), the development sign-in and sign-out.
/// </summary>
public sealed class InboxPages
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly ConcurrentDictionary<string, byte[]?> Cache = new(StringComparer.Ordinal);

    private readonly IInboxAuthenticator _authenticator;
    private readonly InboxOptions _options;
    private readonly ILogger<InboxPages> _logger;

    public InboxPages(IInboxAuthenticator authenticator, InboxOptions options, ILogger<InboxPages> logger)
    {
        _authenticator = authenticator;
        _options = options;
        _logger = logger;
    }

    /// <summary><c>GET /inbox</c>: the inbox, or the sign-in page (401) when nobody is signed in.</summary>
    public async Task<IResult> InboxAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signIn = await _authenticator.AuthenticateAsync(context, context.RequestAborted);
        return signIn.Identity is null ? SignInPage(context, signIn.Problem) : Page(context, "inbox.html", StatusCodes.Status200OK);
    }

    /// <summary><c>GET /inbox/dashboard</c>: supervisors only (403 page for agents, sign-in page when nobody is signed in).</summary>
    public async Task<IResult> DashboardAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signIn = await _authenticator.AuthenticateAsync(context, context.RequestAborted);
        if (signIn.Identity is not { } identity)
        {
            return SignInPage(context, signIn.Problem);
        }

        if (!identity.IsSupervisor)
        {
            InboxLog.NotSupervisor(_logger, identity.Name, context.Request.Path);
            return Message(context, StatusCodes.Status403Forbidden, "Supervisors only", $"The dashboard is for supervisors. {identity.DisplayName} does not have the SocialBot.Supervisor role.");
        }

        return Page(context, "dashboard.html", StatusCodes.Status200OK);
    }

    /// <summary><c>GET /inbox/assets/{name}</c>: the pages' CSS and JS.</summary>
    public static IResult Asset(HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(name);
        var type = Path.GetExtension(name) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            _ => null,
        };
        if (type is null || Read(name) is not { } bytes)
        {
            return Results.NotFound();
        }

        Secure(context);
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(bytes, type);
    }

    /// <summary><c>GET /inbox/dev-signin?agent=NAME[&amp;roles=Agent,Supervisor]</c>: the development sign-in (loopback, when enabled).</summary>
    public IResult DevSignIn(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_authenticator is not InboxAuthenticator authenticator || !authenticator.DevSignInAllowed(context, out var problem))
        {
            return Message(context, StatusCodes.Status403Forbidden, "Development sign-in refused", "The development sign-in is off or this request is not from this machine.");
        }

        var result = InboxAuthenticator.DevIdentity(context.Request.Query["agent"].ToString(), context.Request.Query["roles"].ToString());
        if (result.Identity is not { } identity)
        {
            return Message(context, StatusCodes.Status400BadRequest, "Development sign-in refused", result.Problem ?? problem);
        }

        InboxLog.DevSignIn(_logger, identity.Name, string.Join(",", identity.Roles));
        context.Response.Cookies.Append(InboxAuthenticator.DevCookie, InboxAuthenticator.CookieValue(identity), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            Secure = context.Request.IsHttps,
            IsEssential = true,
        });
        return Results.Redirect("/inbox");
    }

    /// <summary><c>GET /inbox/signout</c>: forgets the development sign-in; with Entra ID, hands over to the platform's logout.</summary>
    public IResult SignOut(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(InboxAuthenticator.DevCookie, new CookieOptions { Path = "/" });
        return Results.Redirect(_options.EntraConfigured ? "/.auth/logout?post_logout_redirect_uri=/inbox" : "/inbox");
    }

    private IResult SignInPage(HttpContext context, string? problem)
    {
        var dev = _options.DevSignIn
            ? """
              <form method="get" action="/inbox/dev-signin" class="signin">
                <p>Development sign-in (this machine only):</p>
                <label for="agent">Your name</label> <input id="agent" name="agent" required maxlength="64" autocomplete="username">
                <label for="roles">Roles</label>
                <select id="roles" name="roles"><option value="Agent">Agent</option><option value="Agent,Supervisor">Agent and supervisor</option></select>
                <button type="submit">Sign in</button>
              </form>
              """
            : "";
        var entra = _options.EntraConfigured ? """<p><a class="button" href="/.auth/login/aad?post_login_redirect_uri=/inbox">Sign in with Microsoft</a></p>""" : "";
        return Message(context, StatusCodes.Status401Unauthorized, "Sign in to the SocialBot inbox", problem ?? "Sign in first.", entra + dev);
    }

    private static IResult Message(HttpContext context, int status, string title, string text, string extraHtml = "")
    {
        Secure(context);
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)}</title><link rel="stylesheet" href="/inbox/assets/inbox.css"></head>
            <body class="message"><main><h1>{WebUtility.HtmlEncode(title)}</h1><p role="status">{WebUtility.HtmlEncode(text)}</p>{extraHtml}
            <p><a href="/inbox">Back to the inbox</a></p></main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static IResult Page(HttpContext context, string name, int status)
    {
        Secure(context);
        return Results.Bytes(Read(name)!, "text/html; charset=utf-8") is var result && status == StatusCodes.Status200OK ? result : Results.StatusCode(status);
    }

    private static void Secure(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }

    /// <summary>An embedded asset's bytes, or null when there is no such asset.</summary>
    internal static byte[]? Read(string name) =>
        Cache.GetOrAdd(name, static key =>
        {
            using var stream = typeof(InboxPages).Assembly.GetManifestResourceStream("SocialBot.Inbox.Assets." + key);
            if (stream is null)
            {
                return null;
            }

            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
}
