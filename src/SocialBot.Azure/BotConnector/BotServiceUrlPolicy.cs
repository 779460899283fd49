using System.Diagnostics.CodeAnalysis;

namespace SocialBot.Azure.BotConnector;

/// <summary>
/// The service URLs the bot sends its Connector token to. A token sent elsewhere could be replayed against the
/// Connector, so replies to any other host are refused before a request is made.
/// </summary>
public sealed class BotServiceUrlPolicy
{
    /// <summary>
    /// Bot Framework channels (<c>*.botframework.com</c>: Web Chat, Direct Line, Facebook, Slack, Telegram …), Teams
    /// (<c>smba.trafficmanager.net</c> with its regional paths, and the GCC, GCC High and DoD hosts), and the US
    /// Government and China clouds.
    /// </summary>
    public static readonly IReadOnlyList<string> BuiltInRules =
    [
        "botframework.com",
        "*.botframework.com",
        "smba.trafficmanager.net",
        "*.smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
        "*.botframework.azure.us",
        "*.botframework.azure.cn",
    ];

    /// <summary>The only domains a configured wildcard may sit under (it must name a subdomain of one of them).</summary>
    public static readonly IReadOnlyList<string> WildcardDomains =
    [
        "botframework.com",
        "smba.trafficmanager.net",
        "botframework.azure.us",
        "botframework.azure.cn",
        "teams.microsoft.com",
        "teams.microsoft.us",
    ];

    private readonly Rule[] _rules;

    public BotServiceUrlPolicy(IEnumerable<string> extraRules)
    {
        ArgumentNullException.ThrowIfNull(extraRules);
        _rules = BuiltInRules.Concat(extraRules)
            .Select(text => TryParseRule(text, out var rule) ? rule : throw new ArgumentException($"'{text}' is not a service URL rule", nameof(extraRules)))
            .ToArray();
    }

    public bool IsAllowed(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && _rules.Any(rule => rule.Matches(uri));

    internal static bool TryParseRule(string? text, [NotNullWhen(true)] out Rule? rule)
    {
        rule = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Contains("://", StringComparison.Ordinal))
        {
            // An exact origin: any https host, or http on loopback only (a local fake Connector).
            if (!Uri.TryCreate(text, UriKind.Absolute, out var origin)
                || !(origin.Scheme == Uri.UriSchemeHttps || (origin.Scheme == Uri.UriSchemeHttp && origin.IsLoopback))
                || !string.IsNullOrEmpty(origin.UserInfo)
                || origin.HostNameType is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6))
            {
                return false;
            }

            rule = new Rule(origin.Scheme, origin.IdnHost, origin.Port, Wildcard: false);
            return true;
        }

        var wildcard = text.StartsWith("*.", StringComparison.Ordinal);
        var host = wildcard ? text[2..] : text;
        if (Uri.CheckHostName(host) != UriHostNameType.Dns || !host.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        // A wildcard only narrows a known Bot Framework domain (*.europe.botframework.com), never *.com or *.contoso.example.
        if (wildcard && !WildcardDomains.Any(domain =>
                string.Equals(host, domain, StringComparison.OrdinalIgnoreCase)
                || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        rule = new Rule(Uri.UriSchemeHttps, host.ToLowerInvariant(), Port: 443, wildcard);
        return true;
    }

    internal sealed record Rule(string Scheme, string Host, int Port, bool Wildcard)
    {
        public bool Matches(Uri uri)
        {
            if (uri.Scheme != Scheme || uri.Port != Port || !string.IsNullOrEmpty(uri.UserInfo))
            {
                return false;
            }

            var host = uri.IdnHost;
            return Wildcard
                ? host.EndsWith("." + Host, StringComparison.OrdinalIgnoreCase)
                : string.Equals(host, Host, StringComparison.OrdinalIgnoreCase);
        }
    }
}
