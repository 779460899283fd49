using Microsoft.Extensions.Options;
using SocialBot.Core.Channels;

namespace SocialBot.Core.Configuration;

/// <summary>Checks the <c>SocialBot</c> section's own keys (<c>OwnAccounts</c>, <c>Channels</c>); each sub-section has its own validator.</summary>
internal sealed class SocialBotOptionsValidator : IValidateOptions<SocialBotOptions>
{
    public ValidateOptionsResult Validate(string? name, SocialBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        for (var i = 0; i < options.OwnAccounts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.OwnAccounts[i]))
            {
                return ValidateOptionsResult.Fail($"{SocialBotOptions.SectionName}:OwnAccounts:{i}: must not be empty");
            }
        }

        return ConfigurationCheck.Run(() => _ = new ChannelCatalog(options.Channels));
    }
}
