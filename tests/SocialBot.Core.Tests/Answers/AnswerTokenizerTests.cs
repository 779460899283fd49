using SocialBot.Core.Answers;

namespace SocialBot.Core.Tests.Answers;

public sealed class AnswerTokenizerTests
{
    [Theory]
    [InlineData("rains", "rain")]
    [InlineData("raining", "rain")]
    [InlineData("rainy", "rain")]
    [InlineData("shipping", "ship")]
    [InlineData("shipped", "ship")]
    [InlineData("refunds", "refund")]
    [InlineData("policies", "polic")]
    [InlineData("policy", "polic")]
    [InlineData("closed", "clos")]
    [InlineData("close", "clos")]
    [InlineData("internationally", "international")]
    public void Stem_ShouldBringInflectionsTogether(string word, string stem)
    {
        Assert.Equal(stem, AnswerTokenizer.Stem(word));
    }

    [Fact]
    public void Terms_ShouldDropHandlesUrlsAndStopWords_AndFoldPhrasings()
    {
        var terms = AnswerTokenizer.Terms("@ContosoCare Hi! Can I send it back and get my money back? https://contoso.example/x Délivery?");

        Assert.Equal(["return", "refund", "ship"], terms);
    }

    [Theory]
    [InlineData("are you open if it rains?", null)]
    [InlineData("hey what time do you open", null)]
    [InlineData("it's raining so hard lol", "the mention does not ask a question")]
    [InlineData("why was I charged for shipping?", "the mention asks why, which a person should explain")]
    public void QuestionProblem_ShouldTellQuestionsFromStatements(string text, string? problem)
    {
        Assert.Equal(problem, QuickAnswers.QuestionProblem(text));
    }
}
