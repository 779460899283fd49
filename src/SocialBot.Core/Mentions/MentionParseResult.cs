namespace SocialBot.Core.Mentions;

/// <summary>The outcome of reading a mention: the mention, or every problem found.</summary>
public sealed record MentionParseResult
{
    private MentionParseResult(Mention? mention, IReadOnlyList<MentionProblem> problems)
    {
        Mention = mention;
        Problems = problems;
    }

    public Mention? Mention { get; }

    public IReadOnlyList<MentionProblem> Problems { get; }

    public bool IsValid => Mention is not null;

    /// <summary>All problems on one line, e.g. <c>author.id: is required; receivedAt: 'soon' is not an ISO 8601 timestamp</c>.</summary>
    public string Describe() => string.Join("; ", Problems);

    public static MentionParseResult Valid(Mention mention) => new(mention, []);

    public static MentionParseResult Invalid(IReadOnlyList<MentionProblem> problems) => new(null, problems);
}
