using Microsoft.Extensions.Options;
using SocialBot.Core.Configuration;

namespace SocialBot.Core.Answers;

/// <summary>Fails start-up with the first wrong key of <c>SocialBot:Answers</c> (by building the knowledge list).</summary>
internal sealed class AnswersOptionsValidator : IValidateOptions<AnswersOptions>
{
    public ValidateOptionsResult Validate(string? name, AnswersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ConfigurationCheck.Run(() => _ = AnswerKnowledge.From(options));
    }
}
