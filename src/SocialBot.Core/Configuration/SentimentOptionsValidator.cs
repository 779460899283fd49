using Microsoft.Extensions.Options;

namespace SocialBot.Core.Configuration;

/// <summary>Validates <c>SocialBot:Sentiment</c> from its data annotations (source-generated); each message names the key.</summary>
[OptionsValidator]
internal sealed partial class SentimentOptionsValidator : IValidateOptions<SentimentOptions>
{
}
