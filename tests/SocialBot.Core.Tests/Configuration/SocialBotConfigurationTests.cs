using Microsoft.Extensions.Configuration;
using SocialBot.Core.Configuration;
using SocialBot.Core.Tests.Support;

namespace SocialBot.Core.Tests.Configuration;

public sealed class SocialBotConfigurationTests
{
    private static SocialBotOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = SocialBotConfiguration.WithDefaults(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        var options = new SocialBotOptions();
        configuration.GetSection("SocialBot").Bind(options);
        return options;
    }

    [Fact]
    public void WithDefaults_ShouldGiveCompleteConfiguration_WhenNothingIsSet()
    {
        var options = Bind([]);

        Assert.Equal("America/New_York", options.StaffedHours.TimeZone);
        Assert.Equal(["09:00-17:00"], options.StaffedHours.Weekly["Monday"]);
        Assert.Equal("Contoso Care", options.AfterHours.TeamName);
        SocialBotOptionsValidator.ThrowIfInvalid(options, null);
    }

    [Fact]
    public void WithDefaults_ShouldReplaceWholeSubSection_WhenUserSetsIt()
    {
        var options = Bind(new()
        {
            ["SocialBot:StaffedHours:TimeZone"] = "Europe/London",
            ["SocialBot:StaffedHours:Weekly:Saturday:0"] = "10:00-14:00",
        });

        Assert.Equal("Europe/London", options.StaffedHours.TimeZone);
        Assert.Equal(["Saturday"], options.StaffedHours.Weekly.Keys);
        Assert.Empty(options.StaffedHours.Closed);
        Assert.Equal("Contoso Care", options.AfterHours.TeamName);
    }

    [Theory]
    [InlineData("SocialBot:AfterHours:TeamName", "", "SocialBot:AfterHours:TeamName: is required")]
    [InlineData("SocialBot:AfterHours:Email", "not-an-email", "SocialBot:AfterHours:Email: 'not-an-email' is not an email address")]
    [InlineData("SocialBot:AfterHours:Voicemail", "call us", "SocialBot:AfterHours:Voicemail: 'call us' is not a phone number")]
    [InlineData("SocialBot:Sentiment:Analyzer", "gpt", "SocialBot:Sentiment:Analyzer: 'gpt' is not one of embedded, hybrid, azure, cascade")]
    [InlineData("SocialBot:Queues:Mentions", "Bad_Name", "SocialBot:Queues:Mentions: 'Bad_Name' is not a valid queue name")]
    [InlineData("SocialBot:Triage:UrgentResponseMinutes", "0", "SocialBot:Triage:UrgentResponseMinutes: 0 is outside")]
    [InlineData("SocialBot:Acknowledgement:Contact:0", "Email {email}", "SocialBot:Acknowledgement:Contact:0: must contain {voicemail}")]
    [InlineData("SocialBot:Acknowledgement:Greetings:0", "Hi {nme}", "SocialBot:Acknowledgement:Greetings:0: unknown placeholder {nme}")]
    [InlineData("SocialBot:Channels:twitter:MaxReplyLength", "5", "SocialBot:Channels:twitter:MaxReplyLength: 5 is outside")]
    public void Validate_ShouldNameTheKey_WhenValueIsWrong(string key, string value, string expected)
    {
        var values = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("SocialBot:AfterHours", StringComparison.Ordinal))
        {
            values.TryAdd("SocialBot:AfterHours:TeamName", "Contoso Care");
            values.TryAdd("SocialBot:AfterHours:Email", "help@contoso.example");
        }

        var options = Bind(values);

        var exception = Assert.Throws<SocialBotConfigurationException>(() => SocialBotOptionsValidator.ThrowIfInvalid(options, null));
        Assert.StartsWith(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShouldRequireAContactOption()
    {
        var options = TestData.Options(o =>
        {
            o.AfterHours.Email = null;
            o.AfterHours.Voicemail = " ";
        });

        var exception = Assert.Throws<SocialBotConfigurationException>(() => SocialBotOptionsValidator.ThrowIfInvalid(options, null));
        Assert.Equal("SocialBot:AfterHours:Email", exception.Key);
    }
}
