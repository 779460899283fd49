namespace SocialBot.Inbox.Identity;

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
