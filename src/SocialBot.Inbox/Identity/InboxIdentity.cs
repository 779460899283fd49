namespace SocialBot.Inbox.Identity;

/// <summary>Who is signed in to the inbox, as the sign-in established it (never as the client claims).</summary>
/// <param name="Name">The unique sign-in name recorded on claims and in the audit trail (UPN or e-mail; the dev sign-in's name).</param>
/// <param name="Id">The directory object id (Entra <c>oid</c>), or <c>dev:NAME</c> for the development sign-in.</param>
/// <param name="DisplayName">The name shown on the page.</param>
/// <param name="Roles">App roles: <see cref="InboxRoles.Agent"/>, <see cref="InboxRoles.Supervisor"/>.</param>
/// <param name="Source"><c>entra</c> or <c>dev</c>.</param>
public sealed record InboxIdentity(string Name, string Id, string DisplayName, IReadOnlyList<string> Roles, string Source)
{
    public bool IsSupervisor => Roles.Contains(InboxRoles.Supervisor, StringComparer.Ordinal);

    /// <summary>Agents and supervisors may work handoffs.</summary>
    public bool IsAgent => IsSupervisor || Roles.Contains(InboxRoles.Agent, StringComparer.Ordinal);
}

/// <summary>The app roles defined on the inbox app registration.</summary>
public static class InboxRoles
{
    public const string Agent = "SocialBot.Agent";

    public const string Supervisor = "SocialBot.Supervisor";

    /// <summary>Maps the short names the dev sign-in accepts (<c>Agent</c>, <c>Supervisor</c>) and the full role names.</summary>
    public static string? Parse(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Equals("Agent", StringComparison.OrdinalIgnoreCase) || trimmed.Equals(Agent, StringComparison.OrdinalIgnoreCase))
        {
            return Agent;
        }

        if (trimmed.Equals("Supervisor", StringComparison.OrdinalIgnoreCase) || trimmed.Equals(Supervisor, StringComparison.OrdinalIgnoreCase))
        {
            return Supervisor;
        }

        return null;
    }
}

/// <summary>The outcome of reading a request's sign-in: an identity, or why there is none.</summary>
public sealed record SignInResult(InboxIdentity? Identity, string? Problem)
{
    public static SignInResult None(string problem) => new(null, problem);

    public static SignInResult Of(InboxIdentity identity) => new(identity, null);
}
