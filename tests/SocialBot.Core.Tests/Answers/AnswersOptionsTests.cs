using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialBot.Core.Answers;
using SocialBot.Core.Configuration;

namespace SocialBot.Core.Tests.Answers;

public sealed class AnswersOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddSocialBotCore(new ConfigurationBuilder().AddInMemoryCollection(settings).AddSocialBotDefaults().Build()).BuildServiceProvider();

    [Fact]
    public void Defaults_ShouldCarryTheSampleEntries_WithTheRainAnswer()
    {
        using var provider = Build([]);

        var knowledge = provider.GetRequiredService<AnswerKnowledge>();

        Assert.Contains(knowledge.Entries, entry => entry.Id == "rain" && entry.Answers[0].Contains("rain or shine", StringComparison.Ordinal));
        Assert.Equal(["rain", "opening-hours", "shipping", "returns", "refunds", "holiday-hours"], knowledge.Entries.Select(entry => entry.Id));
        Assert.True(provider.GetRequiredService<AnswersOptions>().DuringStaffedHours);
        Assert.True(provider.GetRequiredService<AnswersOptions>().HandoffAnsweredQuestions);
    }

    [Fact]
    public void Configuration_ShouldReplaceTheDefaultEntries_WhenTheSectionIsSet()
    {
        using var provider = Build(new()
        {
            ["SocialBot:Answers:Entries:0:Id"] = "parking",
            ["SocialBot:Answers:Entries:0:Questions:0"] = "where can I park?",
            ["SocialBot:Answers:Entries:0:Answer"] = "Free parking behind the market.",
            ["SocialBot:Answers:Entries:0:Networks:0"] = "facebook",
        });

        var entry = Assert.Single(provider.GetRequiredService<AnswerKnowledge>().Entries);

        Assert.Equal("parking", entry.Id);
        Assert.True(entry.AppliesTo("facebook"));
        Assert.False(entry.AppliesTo("twitter"));
    }

    [Theory]
    [InlineData("SocialBot:Answers:Entries:0:Id", "not an id", "SocialBot:Answers:Entries:0:Id")]
    [InlineData("SocialBot:Answers:Entries:0:ValidFrom", "next tuesday", "SocialBot:Answers:Entries:0:ValidFrom")]
    [InlineData("SocialBot:Answers:Entries:0:ValidTo", "2026-01-01", "SocialBot:Answers:Entries:0:ValidTo")]
    [InlineData("SocialBot:Answers:Lexical:MinScore", "1.5", "SocialBot:Answers:Lexical:MinScore")]
    [InlineData("SocialBot:Answers:Semantic:NegativeMinScore", "0.1", "SocialBot:Answers:Semantic:NegativeMinScore")]
    [InlineData("SocialBot:Answers:Entries:1:Id", "rain", "SocialBot:Answers:Entries:1:Id")]
    public void Validation_ShouldFailAtStart_NamingTheKey(string key, string value, string expectedKey)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SocialBot:Answers:Entries:0:Id"] = "rain",
            ["SocialBot:Answers:Entries:0:Questions:0"] = "open if it rains?",
            ["SocialBot:Answers:Entries:0:Answer"] = "Yes.",
            ["SocialBot:Answers:Entries:0:ValidFrom"] = "2026-06-01",
            ["SocialBot:Answers:Entries:1:Id"] = "hours",
            ["SocialBot:Answers:Entries:1:Questions:0"] = "when are you open?",
            ["SocialBot:Answers:Entries:1:Answer"] = "9-5.",
        };
        settings[key] = value;
        using var provider = Build(settings);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AnswersOptions>>().Value);

        Assert.StartsWith(expectedKey + ":", exception.Failures.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_ShouldRequireQuestionsAndAnswer()
    {
        var noQuestion = new AnswersOptions();
        noQuestion.Entries.Add(new AnswerEntryOptions { Id = "a", Answer = "yes" });
        var noAnswer = new AnswersOptions();
        noAnswer.Entries.Add(AnswerTestData.Entry("a", "x", "q?"));
        noAnswer.Entries[0].Answer = null;

        Assert.Equal("SocialBot:Answers:Entries:0:Questions", Assert.Throws<SocialBotConfigurationException>(() => AnswerKnowledge.From(noQuestion)).Key);
        Assert.Equal("SocialBot:Answers:Entries:0:Answer", Assert.Throws<SocialBotConfigurationException>(() => AnswerKnowledge.From(noAnswer)).Key);
    }

    [Fact]
    public void Validation_ShouldRejectAnAnswerLongerThanAReplyCanCarry()
    {
        var options = AnswerTestData.Options(o => o.Entries[0].Answer = new string('a', AnswerEntry.MaxAnswerLength + 1));

        Assert.Equal("SocialBot:Answers:Entries:0:Answer", Assert.Throws<SocialBotConfigurationException>(() => AnswerKnowledge.From(options)).Key);
    }
}
