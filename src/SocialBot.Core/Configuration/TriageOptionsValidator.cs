using Microsoft.Extensions.Options;

namespace SocialBot.Core.Configuration;

/// <summary>Validates <c>SocialBot:Triage</c> from its data annotations (source-generated); each message names the key.</summary>
[OptionsValidator]
internal sealed partial class TriageOptionsValidator : IValidateOptions<TriageOptions>
{
}
