using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SocialBot.Core.Acknowledgements;
using SocialBot.Core.Channels;
using SocialBot.Core.Hours;

namespace SocialBot.Core.Configuration;

/// <summary>Checks the whole <c>SocialBot</c> section at start-up; every failure names the key that is wrong.</summary>
public sealed partial class SocialBotOptionsValidator : IValidateOptions<SocialBotOptions>
{
    private static readonly string[] Analyzers = ["embedded", "hybrid", "azure", "cascade"];

    private readonly string? _baseDirectory;

    public SocialBotOptionsValidator(string? baseDirectory = null)
    {
        _baseDirectory = baseDirectory;
    }

    public ValidateOptionsResult Validate(string? name, SocialBotOptions options)
    {
        try
        {
            ThrowIfInvalid(options, _baseDirectory);
            return ValidateOptionsResult.Success;
        }
        catch (SocialBotConfigurationException exception)
        {
            return ValidateOptionsResult.Fail(exception.Message);
        }
    }

    /// <summary>Throws <see cref="SocialBotConfigurationException"/> for the first wrong key.</summary>
    public static void ThrowIfInvalid(SocialBotOptions options, string? baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = StaffedHours.Create(options.StaffedHours, baseDirectory);
        ValidateAfterHours(options.AfterHours);
        _ = AcknowledgementTemplates.From(options.Acknowledgement);
        _ = new ChannelCatalog(options.Channels);

        for (var i = 0; i < options.OwnAccounts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.OwnAccounts[i]))
            {
                throw new SocialBotConfigurationException($"SocialBot:OwnAccounts:{i}", "must not be empty");
            }
        }

        var triage = options.Triage;
        Range("SocialBot:Triage:AgentReplyQuietMinutes", triage.AgentReplyQuietMinutes, 0, 24 * 60);
        Range("SocialBot:Triage:DuplicateWindowMinutes", triage.DuplicateWindowMinutes, 0, 24 * 60);
        Range("SocialBot:Triage:UrgentResponseMinutes", triage.UrgentResponseMinutes, 1, 7 * 24 * 60);
        Range("SocialBot:Triage:NormalResponseMinutes", triage.NormalResponseMinutes, 1, 30 * 24 * 60);

        if (!Analyzers.Contains(options.Sentiment.Analyzer?.Trim().ToLowerInvariant()))
        {
            throw new SocialBotConfigurationException("SocialBot:Sentiment:Analyzer", $"'{options.Sentiment.Analyzer}' is not one of {string.Join(", ", Analyzers)}");
        }

        QueueName("SocialBot:Queues:Mentions", options.Queues.Mentions);
        QueueName("SocialBot:Queues:Replies", options.Queues.Replies);
        QueueName("SocialBot:Queues:Handoffs", options.Queues.Handoffs);
        QueueName("SocialBot:Queues:UrgentHandoffs", options.Queues.UrgentHandoffs);
        QueueName("SocialBot:Queues:Notifications", options.Queues.Notifications);
    }

    private static void ValidateAfterHours(AfterHoursOptions afterHours)
    {
        if (string.IsNullOrWhiteSpace(afterHours.TeamName))
        {
            throw new SocialBotConfigurationException("SocialBot:AfterHours:TeamName", "is required (the name signed under acknowledgements)");
        }

        if (afterHours.TeamName.Length > 60)
        {
            throw new SocialBotConfigurationException("SocialBot:AfterHours:TeamName", "is at most 60 characters");
        }

        var hasEmail = !string.IsNullOrWhiteSpace(afterHours.Email);
        var hasVoicemail = !string.IsNullOrWhiteSpace(afterHours.Voicemail);
        if (!hasEmail && !hasVoicemail)
        {
            throw new SocialBotConfigurationException("SocialBot:AfterHours:Email", "set an after-hours Email or Voicemail (or both) so customers have a way to reach you");
        }

        if (hasEmail && (afterHours.Email!.Length > 100 || !EmailPattern().IsMatch(afterHours.Email)))
        {
            throw new SocialBotConfigurationException("SocialBot:AfterHours:Email", $"'{afterHours.Email}' is not an email address");
        }

        if (hasVoicemail && (afterHours.Voicemail!.Length > 40 || !PhonePattern().IsMatch(afterHours.Voicemail)))
        {
            throw new SocialBotConfigurationException("SocialBot:AfterHours:Voicemail", $"'{afterHours.Voicemail}' is not a phone number (digits, spaces, + - . ( ) only)");
        }
    }

    private static void Range(string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new SocialBotConfigurationException(key, $"{value} is outside {min}..{max}");
        }
    }

    private static void QueueName(string key, string? name)
    {
        // Azure queue names: 3-63 lower-case letters, digits and single hyphens; the poison twin adds "-poison".
        if (name is null || name.Length is < 3 or > 56 || !QueuePattern().IsMatch(name) || name.Contains("--", StringComparison.Ordinal))
        {
            throw new SocialBotConfigurationException(key, $"'{name}' is not a valid queue name (3-56 lower-case letters, digits and single hyphens, starting with a letter or digit)");
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 ().\-]{2,38}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QueuePattern();
}
