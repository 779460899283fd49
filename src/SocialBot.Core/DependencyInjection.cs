namespace SocialBot.Core;

/// <summary>Registers the engine: configuration, staffed hours, sentiment, triage and the acknowledgement composer.</summary>
public static class DependencyInjection
{
}
