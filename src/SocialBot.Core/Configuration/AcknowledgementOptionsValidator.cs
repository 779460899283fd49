using Microsoft.Extensions.Options;
using SocialBot.Core.Acknowledgements;

namespace SocialBot.Core.Configuration;

/// <summary>Validates <c>SocialBot:Acknowledgement</c> by parsing every template (placeholders, required contacts); failures name the key.</summary>
internal sealed class AcknowledgementOptionsValidator : IValidateOptions<AcknowledgementOptions>
{
    public ValidateOptionsResult Validate(string? name, AcknowledgementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ConfigurationCheck.Run(() => _ = AcknowledgementTemplates.From(options));
    }
}
