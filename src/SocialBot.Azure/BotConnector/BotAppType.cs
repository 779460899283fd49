namespace SocialBot.Azure.BotConnector;

/// <summary>How the bot authenticates to the Bot Connector (new multi-tenant bots can no longer be created).</summary>
public enum BotAppType
{
    SingleTenant,
    UserAssignedMSI,
}
