using SocialBot.Core.Answers;
using SocialBot.Core.Tests.Support;

namespace SocialBot.Core.Tests.Answers;

public sealed class QuickAnswersTests
{
    private static readonly DateTimeOffset MondayNight = new(2026, 11, 23, 21, 0, 0, TestData.Est);

    private static AnswerLookup Find(QuickAnswers answers, string text, bool negative = false, DateTimeOffset? at = null, string channel = "twitter", bool isPublic = true) =>
        answers.Find(text, channel, isPublic, negative, at ?? MondayNight, "twitter/m1")!;

    [Theory]
    [InlineData("@ContosoCare are you open if it rains tomorrow?", "rain")]
    [InlineData("Is the market still on if it's raining?", "rain")]
    [InlineData("hi! do you ship to Canada? thinking of ordering the blue one", "shipping")]
    [InlineData("how long does delivery take?", "shipping")]
    [InlineData("what time do you close on Fridays?", "opening-hours")]
    [InlineData("how long do refunds usually take?", "refunds")]
    public void Find_ShouldAnswerWithTheMatchingEntry_WhenACustomerAsksInTheirOwnWords(string text, string expected)
    {
        var lookup = Find(AnswerTestData.Lexical(), text);

        Assert.Equal(expected, lookup.Answer?.EntryId);
        Assert.Equal("lexical", lookup.Matcher);
        Assert.StartsWith($"quick answer {expected} (lexical): best {expected} ", lookup.Trace, StringComparison.Ordinal);
        Assert.Contains("runner-up", lookup.Trace, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is the rain going to ruin my delivery?")]
    [InlineData("do you sell gift cards?")]
    [InlineData("Are you hiring?")]
    public void Find_ShouldNotAnswer_WhenTheQuestionIsOnlyNearTheTopic(string text)
    {
        var lookup = Find(AnswerTestData.Lexical(), text);

        Assert.Null(lookup.Answer);
        Assert.StartsWith("no quick answer (lexical)", lookup.Trace, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("it's raining so hard today, the market is open rain or shine I hope", "does not ask a question")]
    [InlineData("why is shipping so slow? how long does shipping take?", "asks why")]
    public void Find_ShouldNotAnswer_WhenTheMentionIsAStatementOrAsksWhy(string text, string reason)
    {
        var lookup = Find(AnswerTestData.Lexical(), text);

        Assert.Null(lookup.Answer);
        Assert.Contains(reason, lookup.Trace, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_ShouldAnswerStatement_WhenRequireQuestionIsOff()
    {
        var answers = AnswerTestData.Lexical(AnswerTestData.Options(o => o.RequireQuestion = false));

        var lookup = Find(answers, "tell me your refund policy");

        Assert.Equal("refunds", lookup.Answer?.EntryId);
    }

    [Fact]
    public void Find_ShouldRequireTheStricterScore_WhenTheMentionIsNegative()
    {
        var answers = AnswerTestData.Lexical(AnswerTestData.Options(o => o.Lexical = new AnswerThresholdOptions { MinScore = 0.6, MinMargin = 0.1, NegativeMinScore = 0.9 }));
        const string text = "what's your refund policy on broken items?";
        var calm = Find(answers, text);

        var upset = Find(answers, text, negative: true);

        Assert.Equal("refunds", calm.Answer?.EntryId);
        Assert.InRange(calm.Answer!.Score, 0.6, 0.9);
        Assert.Null(upset.Answer);
        Assert.Contains("stricter threshold for a negative mention", upset.Trace, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_ShouldAnswerNegativeMention_WhenClearlyRelevant()
    {
        var lookup = Find(AnswerTestData.Lexical(), "ugh, how long do refunds take?", negative: true);

        Assert.Equal("refunds", lookup.Answer?.EntryId);
    }

    [Theory]
    [InlineData(0.99, 0.0, false)]
    [InlineData(0.0, 0.5, false)]
    [InlineData(0.0, 0.0, true)]
    public void Find_ShouldApplyThresholdAndMargin(double minScore, double minMargin, bool answered)
    {
        var answers = AnswerTestData.Lexical(AnswerTestData.Options(o => o.Lexical = new AnswerThresholdOptions { MinScore = minScore, MinMargin = minMargin, NegativeMinScore = minScore }));

        // "open" is in two entries; rain wins, but not by a margin of 0.5.
        var lookup = Find(answers, "open when it rains?");

        Assert.Equal(answered, lookup.Answer is not null);
        if (minMargin > 0)
        {
            Assert.Contains("margin over the runner-up", lookup.Trace, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Find_ShouldUseEntry_OnlyWithinItsValidityDatesInTheTeamsZone()
    {
        var options = AnswerTestData.Options(o =>
        {
            var stocktaking = AnswerTestData.Entry("stocktaking", "We're closed on Dec 3 for stocktaking.", "are you open on december 3rd?", "closed for stocktaking?");
            stocktaking.ValidFrom = "2026-11-25";
            stocktaking.ValidTo = "2026-12-03";
            o.Entries.Add(stocktaking);
        });
        var answers = AnswerTestData.Lexical(options);
        const string text = "are you closed for stocktaking this week?";

        var before = Find(answers, text, at: new DateTimeOffset(2026, 11, 24, 23, 59, 0, TestData.Est));
        var firstDay = Find(answers, text, at: new DateTimeOffset(2026, 11, 25, 0, 0, 0, TestData.Est));
        var lastDayLate = Find(answers, text, at: new DateTimeOffset(2026, 12, 3, 23, 59, 0, TestData.Est));
        var after = Find(answers, text, at: new DateTimeOffset(2026, 12, 4, 5, 0, 0, TimeSpan.Zero));

        Assert.Null(before.Answer);
        Assert.DoesNotContain(before.Ranked, candidate => candidate.EntryId == "stocktaking");
        Assert.Equal("stocktaking", firstDay.Answer?.EntryId);
        Assert.Equal("stocktaking", lastDayLate.Answer?.EntryId);
        Assert.Null(after.Answer);
    }

    [Theory]
    [InlineData("facebook", true)]
    [InlineData("twitter", false)]
    [InlineData("x", false)]
    public void Find_ShouldUseEntry_OnlyOnItsNetworks(string channel, bool answered)
    {
        var answers = AnswerTestData.Lexical(AnswerTestData.Options(o => o.Entries[2].Networks = ["facebook"]));

        var lookup = Find(answers, "do you ship to canada?", channel: channel);

        Assert.Equal(answered, lookup.Answer?.EntryId == "shipping");
    }

    [Fact]
    public void Find_ShouldApplyToX_WhenEntryNamesTwitter()
    {
        var answers = AnswerTestData.Lexical(AnswerTestData.Options(o => o.Entries[2].Networks = ["twitter"]));

        Assert.Equal("shipping", Find(answers, "do you ship to canada?", channel: "x").Answer?.EntryId);
    }

    [Fact]
    public void Find_ShouldNotGivePrivateEntryInPublic_NorFallBackToTheRunnerUp()
    {
        var answers = AnswerTestData.Lexical(AnswerTestData.Options(o => o.Entries[3].Public = false));

        var inPublic = Find(answers, "how long do refunds take?", isPublic: true);
        var inPrivate = Find(answers, "how long do refunds take?", isPublic: false);

        Assert.Null(inPublic.Answer);
        Assert.Contains("not given in public", inPublic.Trace, StringComparison.Ordinal);
        Assert.Equal("refunds", inPrivate.Answer?.EntryId);
    }

    [Fact]
    public void Find_ShouldChooseTheSameVariant_ForTheSameMention()
    {
        var options = AnswerTestData.Options(o =>
        {
            o.Entries[0].Answers.Add("Rain or shine, we're open!");
            o.Entries[0].Answers.Add("We're open whatever the weather.");
        });
        var answers = AnswerTestData.Lexical(options);
        var texts = Enumerable.Range(0, 20)
            .Select(i => answers.Find("are you open rain or shine?", "twitter", true, false, MondayNight, $"twitter/{i}")!.Answer!.Text)
            .ToArray();

        Assert.Equal(texts[3], answers.Find("are you open rain or shine?", "twitter", true, false, MondayNight, "twitter/3")!.Answer!.Text);
        Assert.True(texts.Distinct().Count() > 1);
    }

    [Fact]
    public void Find_ShouldReturnNull_WhenNoEntriesOrDisabled()
    {
        Assert.Null(AnswerTestData.Lexical(new AnswersOptions()).Find("are you open?", "twitter", true, false, MondayNight, "s"));
        Assert.Null(AnswerTestData.Lexical(AnswerTestData.Options(o => o.Enabled = false)).Find("are you open?", "twitter", true, false, MondayNight, "s"));
    }
}
