using System.Text;
using Microsoft.Extensions.Configuration;
using SocialBot.Core.Configuration;

namespace SocialBot.Core.Tests.Configuration;

public sealed class SocialBotDefaultsConfigurationSourceTests
{
    private static ConfigurationManager Configuration(Dictionary<string, string?>? values = null)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(values ?? []);
        configuration.AddSocialBotDefaults();
        return configuration;
    }

    private static SocialBotOptions Bind(IConfiguration configuration)
    {
        var options = new SocialBotOptions();
        configuration.GetSection(SocialBotOptions.SectionName).Bind(options);
        return options;
    }

    [Fact]
    public void AddSocialBotDefaults_ShouldGiveCompleteConfiguration_WhenNothingIsSet()
    {
        // Act
        var options = Bind(Configuration());

        // Assert
        Assert.Equal("America/New_York", options.StaffedHours.TimeZone);
        Assert.Equal(["09:00-17:00"], options.StaffedHours.Weekly["Monday"]);
        Assert.Equal(["2026-12-25", "2027-01-01"], options.StaffedHours.Closed);
        Assert.Equal("Contoso Care", options.AfterHours.TeamName);
        Assert.Equal(["@ContosoCare"], options.OwnAccounts);
        Assert.Equal("handoffs-urgent", options.Queues.UrgentHandoffs);
    }

    [Fact]
    public void AddSocialBotDefaults_ShouldReplaceWholeSubSection_WhenUserSetsAnyKeyOfIt()
    {
        // Arrange / Act
        var options = Bind(Configuration(new()
        {
            ["SocialBot:StaffedHours:TimeZone"] = "Europe/London",
            ["SocialBot:StaffedHours:Weekly:Saturday:0"] = "10:00-14:00",
        }));

        // Assert: no default weekday and no default closed date leaks into the user's StaffedHours; other sections keep theirs.
        Assert.Equal("Europe/London", options.StaffedHours.TimeZone);
        Assert.Equal(["Saturday"], options.StaffedHours.Weekly.Keys);
        Assert.Empty(options.StaffedHours.Closed);
        Assert.Equal("Contoso Care", options.AfterHours.TeamName);
    }

    [Fact]
    public void AddSocialBotDefaults_ShouldNotMergeArraysIndexByIndex_WhenUserSetsAShorterList()
    {
        // Arrange: the defaults close two dates (indexes 0 and 1); the user lists one. Plain layering would keep index 1.
        var configuration = Configuration(new() { ["SocialBot:StaffedHours:TimeZone"] = "America/New_York", ["SocialBot:StaffedHours:Closed:0"] = "2026-07-04" });

        // Act
        var options = Bind(configuration);

        // Assert
        Assert.Equal(["2026-07-04"], options.StaffedHours.Closed);
        Assert.Null(configuration["SocialBot:StaffedHours:Closed:1"]);
        Assert.Equal(["0"], configuration.GetSection("SocialBot:StaffedHours:Closed").GetChildren().Select(child => child.Key));
    }

    [Fact]
    public void AddSocialBotDefaults_ShouldReplaceATopLevelList_WhenUserSetsIt()
    {
        // Act
        var options = Bind(Configuration(new() { ["SocialBot:OwnAccounts:0"] = "@Fabrikam" }));

        // Assert
        Assert.Equal(["@Fabrikam"], options.OwnAccounts);
    }

    [Fact]
    public void AddSocialBotDefaults_ShouldKeepAnEmptyObjectsDefaults_ButLetAnEmptyListClearTheDefaultList()
    {
        // Arrange: in appsettings.json an empty object is a key with a null value (sets nothing), an empty array a key
        // with an empty value (sets the list to nothing), as before the defaults became a source.
        var configuration = new ConfigurationManager();
        configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""{ "SocialBot": { "StaffedHours": { }, "OwnAccounts": [ ] } }""")));
        configuration.AddSocialBotDefaults();

        // Act
        var options = Bind(configuration);

        // Assert
        Assert.Equal("America/New_York", options.StaffedHours.TimeZone);
        Assert.Empty(options.OwnAccounts);
    }

    [Fact]
    public void AddSocialBotDefaults_ShouldStayAtTheBottom_WhenSourcesAreAddedAfterIt()
    {
        // Arrange: defaults first, as a host does in AddSocialBotApp, then an appsettings file and environment variables.
        var prefix = $"SBT{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "SocialBot__Queues__Mentions", "env-mentions");
        try
        {
            var configuration = new ConfigurationManager();
            configuration.AddSocialBotDefaults();
            configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""{ "SocialBot": { "AfterHours": { "TeamName": "Fabrikam Help", "Email": "care@fabrikam.example" } } }""")));
            configuration.AddEnvironmentVariables(prefix);

            // Act
            var options = Bind(configuration);

            // Assert: both override the defaults, and each replaced sub-section loses its other default keys.
            Assert.Equal("Fabrikam Help", options.AfterHours.TeamName);
            Assert.Null(options.AfterHours.Voicemail);
            Assert.Equal("env-mentions", options.Queues.Mentions);
            Assert.Null(configuration["SocialBot:Queues:Replies"]);
            Assert.Equal("America/New_York", options.StaffedHours.TimeZone);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "SocialBot__Queues__Mentions", null);
        }
    }

    [Fact]
    public void AddSocialBotDefaults_ShouldRankUnderEverySource_WhenAddedLast()
    {
        // Arrange: the defaults are the last source added, which would normally win.
        var configuration = Configuration(new() { ["SocialBot:Retention:Days"] = "7" });

        // Act: a second call is a no-op.
        configuration.AddSocialBotDefaults();

        // Assert
        Assert.Single(configuration.Sources, source => source is SocialBotDefaultsConfigurationSource);
        Assert.Equal("7", configuration["SocialBot:Retention:Days"]);
        Assert.Null(configuration["SocialBot:Retention:Schedule"]);
    }

    [Fact]
    public void AddSocialBotDefaults_ShouldWorkOnAPlainConfigurationBuilder()
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SocialBot:StaffedHours:TimeZone"] = "Europe/Paris" })
            .AddSocialBotDefaults()
            .Build();

        // Act
        var options = Bind(configuration);

        // Assert
        Assert.Equal("Europe/Paris", options.StaffedHours.TimeZone);
        Assert.Empty(options.StaffedHours.Weekly);
        Assert.Equal("Contoso Care", options.AfterHours.TeamName);
    }

    [Fact]
    public void AddSocialBotDefaults_ShouldSeeSourcesAddedLater_OnAConfigurationManager()
    {
        // Arrange
        var configuration = Configuration();
        Assert.Equal("+1 555 0100", configuration["SocialBot:AfterHours:Voicemail"]);

        // Act
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["SocialBot:AfterHours:TeamName"] = "Later" });

        // Assert
        Assert.Equal("Later", configuration["SocialBot:AfterHours:TeamName"]);
        Assert.Null(configuration["SocialBot:AfterHours:Voicemail"]);
    }
}
