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
