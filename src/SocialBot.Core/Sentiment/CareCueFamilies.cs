namespace SocialBot.Core.Sentiment;

/// <summary>The customer-care cue families the embedded analyzer reports, as the prefix of each cue (<c>waiting: "still no"</c>).</summary>
public static class CareCueFamilies
{
    public const string Waiting = "waiting";
    public const string Failure = "failure";
    public const string Question = "question";
    public const string Warning = "warning";
    public const string Sarcasm = "sarcasm";

    public static IReadOnlyList<string> All { get; } = [Waiting, Failure, Question, Warning, Sarcasm];
}
