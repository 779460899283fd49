using SocialBot.Core.Configuration;
using SocialBot.Core.Mentions;
using SocialBot.Core.Sentiment;

namespace SocialBot.Core.Tests.Support;

/// <summary>Builders for the objects most tests need.</summary>
internal static class TestData
{
    /// <summary>Eastern time offsets used in test instants.</summary>
    public static readonly TimeSpan Est = TimeSpan.FromHours(-5);

    public static SocialBotOptions Options(Action<SocialBotOptions>? change = null)
    {
        var options = new SocialBotOptions
        {
            StaffedHours = new StaffedHoursOptions { TimeZone = "America/New_York" },
            AfterHours = new AfterHoursOptions { TeamName = "Contoso Care", Email = "help@contoso.example", Voicemail = "+1 555 0100" },
        };
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
        {
            options.StaffedHours.Weekly[day] = ["09:00-17:00"];
        }

        options.StaffedHours.Closed.Add("2026-12-25");
        options.OwnAccounts.Add("@ContosoCare");
        change?.Invoke(options);
        return options;
    }

    public static Mention Mention(
        string text = "where is my order?",
        string channel = "twitter",
        string id = "m1",
        string? name = "Dana Kim",
        string? handle = "@dana_k",
        bool isBot = false,
        bool isPublic = true,
        DateTimeOffset? receivedAt = null,
        string authorId = "u1",
        string conversationId = "c1") => new()
        {
            Id = id,
            Channel = channel,
            ConversationId = conversationId,
            Author = new MentionAuthor { Id = authorId, Handle = handle, Name = name, IsBot = isBot },
            Text = text,
            ReceivedAt = receivedAt ?? new DateTimeOffset(2026, 11, 23, 21, 0, 0, Est),
            IsPublic = isPublic,
        };

    public static SentimentResult Sentiment(SentimentLabel label, double score = 0, params string[] cues) => new()
    {
        Label = label,
        Score = score,
        Analyzer = "test",
        Cues = cues,
    };
}
