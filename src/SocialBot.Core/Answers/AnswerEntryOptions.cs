namespace SocialBot.Core.Answers;

/// <summary>One entry of the knowledge list.</summary>
public sealed class AnswerEntryOptions
{
    /// <summary>A short stable id (letters, digits, '-', '_'), shown in traces and previews.</summary>
    public string Id { get; set; } = "";

    /// <summary>Example questions: a few phrasings a customer would use.</summary>
    public IList<string> Questions { get; } = [];

    /// <summary>The answer text (short: it must fit the network with the back-at and contacts after hours).</summary>
    public string? Answer { get; set; }

    /// <summary>Optional variants of the answer; one is chosen per mention (deterministically), together with <see cref="Answer"/>.</summary>
    public IList<string> Answers { get; } = [];

    /// <summary>Local date (<c>yyyy-MM-dd</c>) or date and time (<c>yyyy-MM-ddTHH:mm</c>) in the team's zone from which the entry applies.</summary>
    public string? ValidFrom { get; set; }

    /// <summary>Local date (inclusive: the whole day) or date and time (exclusive) in the team's zone until which the entry applies.</summary>
    public string? ValidTo { get; set; }

    /// <summary>Channels the entry applies to (e.g. <c>twitter</c>, <c>facebook</c>); empty or null: every channel.</summary>
    public IList<string>? Networks { get; set; }

    /// <summary>Whether the answer may be given in a public reply (default true); false: private conversations only.</summary>
    public bool Public { get; set; } = true;
}
