using Microsoft.Extensions.Options;

namespace SocialBot.Core.Configuration;

/// <summary>Validates <c>SocialBot:Queues</c> from its data annotations (source-generated); each message names the key.</summary>
[OptionsValidator]
internal sealed partial class QueueNamesOptionsValidator : IValidateOptions<QueueNamesOptions>
{
}
