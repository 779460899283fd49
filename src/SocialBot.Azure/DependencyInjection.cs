namespace SocialBot.Azure;

/// <summary>Registers the Azure adapters: storage queues and tables, Azure AI Language, the Bot Connector.</summary>
public static class DependencyInjection
{
}
