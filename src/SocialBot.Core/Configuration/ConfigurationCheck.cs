using Microsoft.Extensions.Options;

namespace SocialBot.Core.Configuration;

/// <summary>Turns a domain factory that throws <see cref="SocialBotConfigurationException"/> (naming the key) into an options validation result.</summary>
internal static class ConfigurationCheck
{
    public static ValidateOptionsResult Run(Action build)
    {
        try
        {
            build();
            return ValidateOptionsResult.Success;
        }
        catch (SocialBotConfigurationException exception)
        {
            return ValidateOptionsResult.Fail(exception.Message);
        }
    }
}
