using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialBot.Core.Configuration;

namespace SocialBot.Core.Tests.Configuration;

public sealed class SocialBotOptionsValidationTests
{
    private static ServiceProvider Services(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(values);
        configuration.AddSocialBotDefaults();
        return new ServiceCollection().AddSocialBotCore(configuration).BuildServiceProvider();
    }

    private static string StartupFailure(Dictionary<string, string?> values)
    {
        using var services = Services(values);
        var exception = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());
        var failures = exception is AggregateException aggregate ? aggregate.InnerExceptions : [exception];
        return string.Join(Environment.NewLine, failures.OfType<OptionsValidationException>().SelectMany(failure => failure.Failures));
    }

    [Fact]
    public void Validate_ShouldPass_WithTheEmbeddedDefaults()
    {
        // Arrange
        using var services = Services([]);

        // Act
        services.GetRequiredService<IStartupValidator>().Validate();

        // Assert: every section bound, and the aggregate holds the very section instances.
        var options = services.GetRequiredService<SocialBotOptions>();
        Assert.Same(services.GetRequiredService<IOptions<StaffedHoursOptions>>().Value, options.StaffedHours);
        Assert.Same(services.GetRequiredService<AfterHoursOptions>(), options.AfterHours);
        Assert.Same(services.GetRequiredService<QueueNamesOptions>(), options.Queues);
        Assert.Same(services.GetRequiredService<TriageOptions>(), options.Triage);
        Assert.Same(services.GetRequiredService<SentimentOptions>(), options.Sentiment);
        Assert.Same(services.GetRequiredService<AcknowledgementOptions>(), options.Acknowledgement);
        Assert.Equal("Contoso Care", options.AfterHours.TeamName);
        Assert.Equal(["@ContosoCare"], options.OwnAccounts);
    }

    [Fact]
    public void Validate_ShouldPass_WhenEverySectionIsSetWell()
    {
        // Arrange
        using var services = Services(new()
        {
            ["SocialBot:StaffedHours:TimeZone"] = "Europe/London",
            ["SocialBot:StaffedHours:Weekly:Monday:0"] = "08:00-12:00",
            ["SocialBot:AfterHours:TeamName"] = "Fabrikam",
            ["SocialBot:AfterHours:Voicemail"] = "+44 20 7946 0000",
            ["SocialBot:Triage:UrgentResponseMinutes"] = "15",
            ["SocialBot:Sentiment:Analyzer"] = " Embedded ",
            ["SocialBot:Queues:Mentions"] = "fab-mentions",
            ["SocialBot:Acknowledgement:Greetings:0"] = "Hello {name},",
            ["SocialBot:Channels:twitter:MaxReplyLength"] = "200",
            ["SocialBot:OwnAccounts:0"] = "@Fabrikam",
        });

        // Act
        services.GetRequiredService<IStartupValidator>().Validate();

        // Assert
        Assert.Equal("fab-mentions", services.GetRequiredService<QueueNamesOptions>().Mentions);
        Assert.Equal("replies", services.GetRequiredService<QueueNamesOptions>().Replies);
        Assert.Equal(15, services.GetRequiredService<TriageOptions>().UrgentResponseMinutes);
    }

    [Theory]
    [InlineData("SocialBot:StaffedHours:TimeZone", "Mars/Olympus", "SocialBot:StaffedHours:TimeZone")]
    [InlineData("SocialBot:AfterHours:TeamName", "", "SocialBot:AfterHours:TeamName: is required")]
    [InlineData("SocialBot:AfterHours:Email", "not-an-email", "SocialBot:AfterHours:Email: is not an email address")]
    [InlineData("SocialBot:AfterHours:Voicemail", "call us", "SocialBot:AfterHours:Voicemail: is not a phone number")]
    [InlineData("SocialBot:Sentiment:Analyzer", "gpt", "SocialBot:Sentiment:Analyzer: is not one of embedded, hybrid, azure, cascade")]
    [InlineData("SocialBot:Queues:Mentions", "Bad_Name", "SocialBot:Queues:Mentions: is not a valid queue name")]
    [InlineData("SocialBot:Queues:Replies", "a--b", "SocialBot:Queues:Replies: is not a valid queue name")]
    [InlineData("SocialBot:Queues:Handoffs", "ab", "SocialBot:Queues:Handoffs: is not a valid queue name")]
    [InlineData("SocialBot:Triage:UrgentResponseMinutes", "0", "SocialBot:Triage:UrgentResponseMinutes: The field TriageOptions.UrgentResponseMinutes must be between 1 and 10080")]
    [InlineData("SocialBot:Triage:AgentReplyQuietMinutes", "-1", "SocialBot:Triage:AgentReplyQuietMinutes: The field TriageOptions.AgentReplyQuietMinutes must be between 0 and 1440")]
    [InlineData("SocialBot:Acknowledgement:Contact:0", "Email {email}", "SocialBot:Acknowledgement:Contact:0: must contain {voicemail}")]
    [InlineData("SocialBot:Acknowledgement:Greetings:0", "Hi {nme}", "SocialBot:Acknowledgement:Greetings:0: unknown placeholder {nme}")]
    [InlineData("SocialBot:Channels:twitter:MaxReplyLength", "5", "SocialBot:Channels:twitter:MaxReplyLength: 5 is outside")]
    [InlineData("SocialBot:OwnAccounts:0", " ", "SocialBot:OwnAccounts:0: must not be empty")]
    public void Validate_ShouldNameTheKey_WhenValueIsWrong(string key, string value, string expected)
    {
        // Arrange
        var values = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("SocialBot:AfterHours", StringComparison.Ordinal))
        {
            values.TryAdd("SocialBot:AfterHours:TeamName", "Contoso Care");
            values.TryAdd("SocialBot:AfterHours:Email", "help@contoso.example");
        }

        // Act
        var failure = StartupFailure(values);

        // Assert
        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShouldRequireAContactOption()
    {
        // Arrange
        var values = new Dictionary<string, string?> { ["SocialBot:AfterHours:TeamName"] = "Contoso Care", ["SocialBot:AfterHours:Voicemail"] = " " };

        // Act
        var failure = StartupFailure(values);

        // Assert
        Assert.Contains("SocialBot:AfterHours:Email: set an after-hours Email or Voicemail", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ShouldThrowNamingTheKey_WhenAConsumerAsksForABadSection()
    {
        // Arrange
        using var services = Services(new() { ["SocialBot:Queues:Notifications"] = "UPPER" });

        // Act
        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<SocialBotOptions>());

        // Assert
        Assert.Contains("SocialBot:Queues:Notifications:", exception.Message, StringComparison.Ordinal);
    }
}
