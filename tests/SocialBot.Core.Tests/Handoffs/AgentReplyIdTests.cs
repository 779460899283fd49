using SocialBot.Core.Handoffs;

namespace SocialBot.Core.Tests.Handoffs;

public sealed class AgentReplyIdTests
{
    [Fact]
    public void For_ShouldUseTheRequestId_WhenOneIsGiven()
    {
        // Act
        var id = AgentReplyId.For("twitter/m1", "alex", "Hello", "req-42");

        // Assert
        Assert.Equal("twitter/m1/agent/req-42", id);
    }

    [Fact]
    public void For_ShouldDeriveTheSameId_ForTheSameAgentAndText_AndAnotherForOtherText()
    {
        // Act
        var first = AgentReplyId.For("twitter/m1", "alex", "Sorry for the wait");
        var retried = AgentReplyId.For("twitter/m1", " Alex ", "Sorry for the wait ");
        var other = AgentReplyId.For("twitter/m1", "alex", "Please DM us");

        // Assert
        Assert.Equal(first, retried);
        Assert.NotEqual(first, other);
        Assert.StartsWith("twitter/m1/agent/h", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("has space")]
    public void For_ShouldRefuseARequestId_ThatIsNotAPlainToken(string requestId)
    {
        // Act
        var exception = Assert.Throws<HandoffException>(() => AgentReplyId.For("twitter/m1", "alex", "Hello", requestId));

        // Assert
        Assert.Contains("--request-id", exception.Message, StringComparison.Ordinal);
    }
}
