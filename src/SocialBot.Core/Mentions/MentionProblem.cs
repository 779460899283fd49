namespace SocialBot.Core.Mentions;

/// <summary>One thing wrong with a mention: the field (a JSON path such as <c>author.id</c>) and what is wrong with its value.</summary>
public sealed record MentionProblem(string Field, string Problem)
{
    public override string ToString() => $"{Field}: {Problem}";
}
