using System.Net;
using Microsoft.AspNetCore.Http;

namespace SocialBot.Inbox.Identity;

/// <summary>
/// The inbox's sign-in, in order: the development sign-in (header or cookie; only when <c>SocialBot:Inbox:DevSignIn</c> is
/// on and the request comes straight from loopback), then a Microsoft Entra ID token, from <c>Authorization: Bearer</c> or
/// the ID token App Service authentication forwards in <c>X-MS-TOKEN-AAD-ID-TOKEN</c>. The token is validated here in
/// either case: the platform's <c>X-MS-CLIENT-PRINCIPAL</c> header is never trusted on its own, because Flex Consumption
/// does not guarantee that built-in authentication blocks or strips requests (docs/inbox.md, "Sign-in").
/// </summary>
internal sealed class InboxAuthenticator : IInboxAuthenticator
{
    public const string DevAgentHeader = "X-SocialBot-Dev-Agent";
    public const string DevRolesHeader = "X-SocialBot-Dev-Roles";
    public const string DevCookie = "socialbot-dev-agent";
    public const string EasyAuthIdTokenHeader = "X-MS-TOKEN-AAD-ID-TOKEN";
    public const int MaxNameLength = 64;

    private readonly InboxOptions _options;
    private readonly EntraTokenValidator? _entra;

    public InboxAuthenticator(InboxOptions options, EntraTokenValidator? entra)
    {
        _options = options;
        _entra = entra;
    }

    public async Task<SignInResult> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var devHeader = request.Headers[DevAgentHeader].ToString();
        var devCookie = request.Cookies[DevCookie];
        if (devHeader.Length > 0 || devCookie is not null)
        {
            if (!DevSignInAllowed(context, out var why))
            {
                return SignInResult.None(why);
            }

            return devHeader.Length > 0
                ? DevIdentity(devHeader, request.Headers[DevRolesHeader].ToString())
                : DevIdentityFromCookie(devCookie!);
        }

        var raw = BearerToken(request.Headers.Authorization.ToString()) ?? NonEmpty(request.Headers[EasyAuthIdTokenHeader].ToString());
        if (raw is null)
        {
            return SignInResult.None(_options.EntraConfigured || !_options.DevSignIn
                ? "sign in first: no Entra ID token came with the request"
                : "sign in first: open /inbox/dev-signin?agent=YOUR-NAME (development sign-in)");
        }

        if (_entra is null)
        {
            return SignInResult.None("Entra ID sign-in is not configured (SocialBot:Inbox:TenantId and ClientId)");
        }

        return await _entra.ValidateAsync(raw, cancellationToken);
    }

    /// <summary>The development sign-in is honoured only when enabled and for a request straight from loopback.</summary>
    public bool DevSignInAllowed(HttpContext context, out string problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_options.DevSignIn)
        {
            problem = "the development sign-in is off (SocialBot:Inbox:DevSignIn)";
            return false;
        }

        var remote = context.Connection.RemoteIpAddress;
        var forwarded = context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded");
        if (remote is null || !IPAddress.IsLoopback(remote) || forwarded)
        {
            problem = "the development sign-in only works for requests from this machine (loopback)";
            return false;
        }

        problem = "";
        return true;
    }

    /// <summary>An identity for the development sign-in, or why the name or roles are not acceptable.</summary>
    public static SignInResult DevIdentity(string agent, string? roles)
    {
        var name = agent.Trim();
        if (name.Length is 0 or > MaxNameLength || !name.All(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_' or '@'))
        {
            return SignInResult.None($"the development sign-in name must be 1 to {MaxNameLength} letters, digits, spaces or . - _ @");
        }

        var parsed = new List<string>();
        foreach (var role in (string.IsNullOrWhiteSpace(roles) ? "Agent" : roles).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var known = InboxRoles.Parse(role);
            if (known is null)
            {
                return SignInResult.None($"unknown role '{Truncate(role)}': use Agent, Supervisor or both (comma-separated)");
            }

            parsed.Add(known);
        }

        return SignInResult.Of(new InboxIdentity(name, "dev:" + name, name, parsed.Distinct(StringComparer.Ordinal).ToList(), "dev"));
    }

    public static string CookieValue(InboxIdentity identity) =>
        Uri.EscapeDataString(identity.Name) + "|" + string.Join(",", identity.Roles);

    private static SignInResult DevIdentityFromCookie(string cookie)
    {
        var bar = cookie.IndexOf('|', StringComparison.Ordinal);
        var name = bar < 0 ? cookie : cookie[..bar];
        var roles = bar < 0 ? null : cookie[(bar + 1)..];
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(name);
        }
        catch (UriFormatException)
        {
            return SignInResult.None("the development sign-in cookie is damaged; sign in again");
        }

        return DevIdentity(decoded, roles);
    }

    private static string? BearerToken(string header)
    {
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? NonEmpty(header[Scheme.Length..].Trim()) : null;
    }

    private static string? NonEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>Values from unauthenticated requests are cut before they reach a message.</summary>
    public static string Truncate(string value, int limit = 40) => value.Length <= limit ? value : value[..limit] + "…";
}
