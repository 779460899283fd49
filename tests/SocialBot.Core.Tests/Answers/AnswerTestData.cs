using SocialBot.Core.Answers;
using SocialBot.Core.Hours;
using SocialBot.Core.Tests.Support;

namespace SocialBot.Core.Tests.Answers;

/// <summary>A small knowledge list shaped like the sample business's.</summary>
internal static class AnswerTestData
{
    public const string RainAnswer = "Yes, we're open rain or shine!";

    public const string ShippingAnswer = "We ship to the US and Canada; standard shipping takes 3-5 business days.";

    public static AnswersOptions Options(Action<AnswersOptions>? change = null)
    {
        var options = new AnswersOptions();
        options.Entries.Add(Entry("rain", RainAnswer, "are you open rain or shine?", "is the market open if it rains?", "does rain cancel the market?"));
        options.Entries.Add(Entry("opening-hours", "We're open 9-6 on weekdays.", "what are your opening hours?", "when are you open?", "what time do you close?"));
        options.Entries.Add(Entry("shipping", ShippingAnswer, "do you ship to canada?", "how long does shipping take?", "how much is shipping?"));
        options.Entries.Add(Entry("refunds", "Refunds take 5-7 business days.", "how long do refunds take?", "what is your refund policy?"));
        change?.Invoke(options);
        return options;
    }

    public static AnswerEntryOptions Entry(string id, string answer, params string[] questions)
    {
        var entry = new AnswerEntryOptions { Id = id, Answer = answer };
        foreach (var question in questions)
        {
            entry.Questions.Add(question);
        }

        return entry;
    }

    public static QuickAnswers Lexical(AnswersOptions? options = null)
    {
        options ??= Options();
        var knowledge = AnswerKnowledge.From(options);
        return new QuickAnswers(knowledge, new LexicalAnswerMatcher(knowledge, options.Lexical), options, Hours());
    }

    public static StaffedHours Hours() => StaffedHours.Create(TestData.Options().StaffedHours);
}
