using SocialBot.Core.Acknowledgements;
using SocialBot.Core.Channels;
using SocialBot.Core.Configuration;
using SocialBot.Core.Hours;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Tests.Support;

namespace SocialBot.Core.Tests.Acknowledgements;

public sealed class AcknowledgementComposerTests
{
    // Monday 2026-11-23 21:00 EST; next opening Tuesday 09:00 EST.
    private static readonly DateTimeOffset MondayNight = new(2026, 11, 23, 21, 0, 0, TestData.Est);
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 11, 24, 9, 0, 0, TestData.Est);

    private static AcknowledgementComposer Composer(SocialBotOptions? options = null)
    {
        options ??= TestData.Options();
        return new AcknowledgementComposer(
            AcknowledgementTemplates.From(options.Acknowledgement),
            options.AfterHours,
            StaffedHours.Create(options.StaffedHours),
            new ChannelCatalog(options.Channels));
    }

    [Fact]
    public void Compose_ShouldGreetByFirstName_WhenAuthorHasName()
    {
        var reply = Composer().Compose(TestData.Mention(), TestData.Sentiment(SentimentLabel.Neutral), MondayNight, TuesdayMorning);

        Assert.Contains("Dana", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kim", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ShouldGreetByHandle_WhenAuthorHasNoName()
    {
        var reply = Composer().Compose(TestData.Mention(name: null), TestData.Sentiment(SentimentLabel.Neutral), MondayNight, TuesdayMorning);

        Assert.Contains("@dana_k", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ShouldOfferEmailAndVoicemail_WhenAfterHours()
    {
        var reply = Composer().Compose(TestData.Mention(), TestData.Sentiment(SentimentLabel.Neutral), MondayNight, TuesdayMorning);

        Assert.Contains("help@contoso.example", reply.Text, StringComparison.Ordinal);
        Assert.Contains("+1 555 0100", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ShouldSayTomorrowWithZone_WhenOpeningIsNextMorning()
    {
        var reply = Composer().Compose(TestData.Mention(), TestData.Sentiment(SentimentLabel.Neutral), MondayNight, TuesdayMorning);

        Assert.Contains("tomorrow at 9:00 AM EST", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ShouldApologiseAndNameTopic_WhenNegative()
    {
        var mention = TestData.Mention(text: "still no refund after 3 weeks");

        var reply = Composer().Compose(mention, TestData.Sentiment(SentimentLabel.Negative, -0.6), MondayNight, TuesdayMorning);

        Assert.Matches("(?i)sorry", reply.Text);
        Assert.Contains("your refund", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ShouldNotApologise_WhenPositive()
    {
        var reply = Composer().Compose(TestData.Mention(text: "love the new app"), TestData.Sentiment(SentimentLabel.Positive, 0.7), MondayNight, TuesdayMorning);

        Assert.DoesNotMatch("(?i)sorry", reply.Text);
    }

    [Fact]
    public void Compose_ShouldReturnSameText_WhenRetriedForSameMention()
    {
        var composer = Composer();
        var first = composer.Compose(TestData.Mention(id: "retry-1"), TestData.Sentiment(SentimentLabel.Negative, -0.5), MondayNight, TuesdayMorning);
        var second = composer.Compose(TestData.Mention(id: "retry-1"), TestData.Sentiment(SentimentLabel.Negative, -0.5), MondayNight, TuesdayMorning);

        Assert.Equal(first.Text, second.Text);
    }

    [Fact]
    public void Compose_ShouldVaryWording_AcrossMentions()
    {
        var composer = Composer();
        var texts = Enumerable.Range(0, 40)
            .Select(i => composer.Compose(TestData.Mention(id: $"m{i}"), TestData.Sentiment(SentimentLabel.Neutral), MondayNight, TuesdayMorning).Text)
            .ToHashSet();

        Assert.True(texts.Count >= 5, $"only {texts.Count} distinct wordings");
    }

    [Fact]
    public void Compose_ShouldStayWithinTwitterLimit_WhenNameAndTeamAreVeryLong()
    {
        var options = TestData.Options(o =>
        {
            o.AfterHours.TeamName = new string('T', 60);
            o.AfterHours.Email = "after-hours-customer-support-team@very-long-subdomain.contoso-international.example";
            o.AfterHours.Voicemail = "+1 (555) 0100-0000-0000 ext 12345";
        });
        var mention = TestData.Mention(name: "Bartholomew-Alexander " + new string('X', 200), text: "my refund never arrived and nobody answers");

        var reply = Composer(options).Compose(mention, TestData.Sentiment(SentimentLabel.Negative, -0.8), MondayNight, TuesdayMorning);

        Assert.True(TextLength.TwitterWeighted(reply.Text) <= 280, $"{TextLength.TwitterWeighted(reply.Text)}: {reply.Text}");
        Assert.Contains(options.AfterHours.Email!, reply.Text, StringComparison.Ordinal);
        Assert.Contains(options.AfterHours.Voicemail!, reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Level > 0);
    }

    [Fact]
    public void Compose_ShouldCountCjkAsDouble_WhenFittingTwitter()
    {
        var options = TestData.Options(o => o.AfterHours.TeamName = "コントソ・カスタマーケア・サポートチーム二十四時間");
        var mention = TestData.Mention(name: "山田太郎さんのアカウント名前", text: "返金はまだですか");

        var reply = Composer(options).Compose(mention, TestData.Sentiment(SentimentLabel.Negative, -0.5), MondayNight, TuesdayMorning);

        Assert.True(TextLength.TwitterWeighted(reply.Text) <= 280);
    }

    [Fact]
    public void Compose_ShouldAskForPrivacy_OnlyWhenPublic()
    {
        var composer = Composer();
        var publicReply = composer.Compose(TestData.Mention(channel: "facebook"), TestData.Sentiment(SentimentLabel.Neutral), MondayNight, TuesdayMorning);
        var privateReply = composer.Compose(TestData.Mention(channel: "webchat", isPublic: false), TestData.Sentiment(SentimentLabel.Neutral), MondayNight, TuesdayMorning);

        Assert.Matches("(?i)(details|privacy)", publicReply.Text);
        Assert.DoesNotMatch("(?i)(account details|privacy)", privateReply.Text);
    }

    [Fact]
    public void Compose_ShouldNotEchoCustomerText_InPublicReply()
    {
        var mention = TestData.Mention(text: "my card 4111 1111 1111 1111 was charged twice, call me on 555-123-4567");

        var reply = Composer().Compose(mention, TestData.Sentiment(SentimentLabel.Negative, -0.6), MondayNight, TuesdayMorning);

        Assert.DoesNotContain("4111", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("555-123-4567", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ShouldTreatHostileNameAsText_WhenItLooksLikeAPlaceholder()
    {
        var mention = TestData.Mention(name: "{email}\u202E<script>", handle: null);

        var reply = Composer().Compose(mention, TestData.Sentiment(SentimentLabel.Neutral), MondayNight, TuesdayMorning);

        Assert.DoesNotContain("\u202E", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", reply.Text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(reply.Text, "help@contoso\\.example"));
    }

    [Fact]
    public void Compose_ShouldGiveFullDate_WhenHolidayLiesBetween()
    {
        // Wednesday 2026-12-23 is staffed; Thursday 24 evening → Friday 25 is closed (Christmas) → back Monday 28.
        var thursdayNight = new DateTimeOffset(2026, 12, 24, 20, 0, 0, TestData.Est);
        var monday = new DateTimeOffset(2026, 12, 28, 9, 0, 0, TestData.Est);

        var reply = Composer().Compose(TestData.Mention(), TestData.Sentiment(SentimentLabel.Neutral), thursdayNight, monday);

        Assert.Contains("Monday, December 28 at 9:00 AM EST", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ShouldOfferOnlyEmail_WhenNoVoicemailConfigured()
    {
        var options = TestData.Options(o => o.AfterHours.Voicemail = null);

        var reply = Composer(options).Compose(TestData.Mention(), TestData.Sentiment(SentimentLabel.Neutral), MondayNight, TuesdayMorning);

        Assert.Contains("help@contoso.example", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch("(?i)voicemail", reply.Text);
    }

    [Fact]
    public void Compose_ShouldUseConfiguredTemplates_WhenGiven()
    {
        var options = TestData.Options(o => o.Acknowledgement.BackAt.Add("Back {back}, promise."));

        var reply = Composer(options).Compose(TestData.Mention(), TestData.Sentiment(SentimentLabel.Neutral), MondayNight, TuesdayMorning);

        Assert.Contains("Back tomorrow at 9:00 AM EST, promise.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ShouldNotSayAboutThis_WhenNoTopicIsFound()
    {
        var composer = Composer();
        var texts = Enumerable.Range(0, 30)
            .Select(i => composer.Compose(TestData.Mention(id: $"t{i}", text: "hello there"), TestData.Sentiment(SentimentLabel.Neutral), MondayNight, TuesdayMorning).Text)
            .ToList();

        Assert.All(texts, text => Assert.DoesNotContain("about this", text, StringComparison.Ordinal));
        Assert.All(texts, text => Assert.DoesNotContain("{topic}", text, StringComparison.Ordinal));
    }
}
