namespace SocialBot.Core.Configuration;

/// <summary>A configuration value is wrong. <see cref="Key"/> names it as it appears in configuration (<c>SocialBot:StaffedHours:TimeZone</c>).</summary>
public sealed class SocialBotConfigurationException : Exception
{
    public SocialBotConfigurationException()
    {
        Key = "";
    }

    public SocialBotConfigurationException(string message)
        : base(message)
    {
        Key = "";
    }

    public SocialBotConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = "";
    }

    public SocialBotConfigurationException(string key, string problem, Exception? innerException = null)
        : base($"{key}: {problem}", innerException)
    {
        Key = key;
        Problem = problem;
    }

    public string Key { get; }

    public string? Problem { get; }
}
