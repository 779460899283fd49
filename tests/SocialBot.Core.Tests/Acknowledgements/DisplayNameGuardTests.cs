using SocialBot.Core.Acknowledgements;
using SocialBot.Core.Channels;
using SocialBot.Core.Hours;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Tests.Support;

namespace SocialBot.Core.Tests.Acknowledgements;

public sealed class DisplayNameGuardTests
{
    private static readonly DateTimeOffset MondayNight = new(2026, 11, 23, 21, 0, 0, TestData.Est);
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 11, 24, 9, 0, 0, TestData.Est);

    public static TheoryData<string> HostileNames() => [.. Lines("hostile-display-names.txt")];

    public static TheoryData<string, string> OrdinaryNames()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in Lines("ordinary-display-names.txt"))
        {
            var parts = line.Split('\t');
            data.Add(parts[0], parts[1]);
        }

        return data;
    }

    [Fact]
    public void Corpus_ShouldHoldAtLeastAHundredHostileNames() =>
        Assert.True(Lines("hostile-display-names.txt").Count >= 100);

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void Compose_ShouldGreetNeutrallyOnAPublicPost_WhenDisplayNameIsHostile(string name)
    {
        // Finding 5: "Hi bit.ly/free-crypto,", "Hello ＠elonmusk,", "Hey Idiots," were posted publicly by the brand.
        var mention = TestData.Mention(name: name, handle: "@dana_k", isPublic: true);

        var reply = Composer().Compose(mention, TestData.Sentiment(SentimentLabel.Neutral), MondayNight, TuesdayMorning);

        Assert.Null(AcknowledgementComposer.GreetingName(mention));
        Assert.Matches("^(Hi there,|Hello,|Hi,) ", reply.Text);
        Assert.DoesNotContain("@dana_k", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OrdinaryNames))]
    public void Compose_ShouldGreetByFirstName_WhenDisplayNameIsOrdinary(string name, string greeted)
    {
        var mention = TestData.Mention(name: name, isPublic: true);

        var reply = Composer().Compose(mention, TestData.Sentiment(SentimentLabel.Neutral), MondayNight, TuesdayMorning);

        Assert.Equal(greeted, AcknowledgementComposer.GreetingName(mention));
        Assert.Contains(greeted, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void GreetingName_ShouldFallBackToTheHandle_WhenHostileNameIsOnAPrivateMessage()
    {
        var mention = TestData.Mention(name: "evil.com", handle: "@dana_k", isPublic: false);

        Assert.Equal("@dana_k", AcknowledgementComposer.GreetingName(mention));
    }

    [Fact]
    public void FirstName_ShouldRefuse_WhenTheFirstNameIsLongerThanTheCapAsTheChannelCounts()
    {
        var twitter = new ChannelCatalog().Get("twitter");
        var guard = new DisplayNameGuard(new GreetingOptions { MaxNameLength = 10 });

        // Six CJK characters count as twelve on X, so the cap refuses them although they are six UTF-16 units.
        Assert.Null(guard.FirstName("李明李明李明", twitter, out var refused));
        Assert.True(refused);
        Assert.Equal("李明李明李", guard.FirstName("李明李明李", null, out _));
    }

    [Fact]
    public void FirstName_ShouldRefuseConfiguredWords_WhenAddedToTheBlockList()
    {
        var guard = new DisplayNameGuard(new GreetingOptions { BlockedWords = { "Contoso" } });

        Assert.Null(guard.FirstName("Contoso Careteam", null, out var refused));
        Assert.True(refused);
        Assert.Equal("Dana", guard.FirstName("Dana", null, out _));
    }

    [Fact]
    public void FirstName_ShouldReportAbsentNotRefused_WhenThereIsNoName()
    {
        Assert.Null(DisplayNameGuard.Default.FirstName("  ", null, out var refused));
        Assert.False(refused);
    }

    private static AcknowledgementComposer Composer()
    {
        var options = TestData.Options();
        return new AcknowledgementComposer(
            AcknowledgementTemplates.From(options.Acknowledgement),
            options.AfterHours,
            StaffedHours.Create(options.StaffedHours),
            new ChannelCatalog(options.Channels));
    }

    private static List<string> Lines(string file) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Acknowledgements", "Names", file))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
}
