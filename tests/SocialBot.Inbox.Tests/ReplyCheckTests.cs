using SocialBot.Inbox.Api;

namespace SocialBot.Inbox.Tests;

public sealed class ReplyCheckTests
{
    [Theory]
    [InlineData("Write to dana.r+orders@mail.example.co.uk please", "email address")]
    [InlineData("Call +44 20 7946 0958", "phone number")]
    [InlineData("call (555) 010-4477", "phone number")]
    [InlineData("Your order #48213 is on its way", "order number")]
    [InlineData("order number: AB-123456 shipped", "order number")]
    public void PersonalDetails_ShouldFindWhatAPublicReplyMustNotContain(string text, string kind)
    {
        Assert.Equal([kind], ReplyCheck.PersonalDetails(text));
    }

    [Theory]
    [InlineData("We open at 9:00 AM on Monday, see you then!")]
    [InlineData("Prices start at $12.99 from 2026-12-01")]
    [InlineData("Thanks @dana, we're on it")]
    public void PersonalDetails_ShouldStayQuiet_ForTimesPricesDatesAndHandles(string text)
    {
        Assert.Empty(ReplyCheck.PersonalDetails(text));
    }
}
