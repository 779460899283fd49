namespace SocialBot.Core.Acknowledgements;

/// <summary>How customers' display names may be used in greetings (section <c>SocialBot:Greetings</c>).</summary>
public sealed class GreetingOptions
{
    public const string SectionName = "SocialBot:Greetings";

    /// <summary>Words that make a display name unusable in a greeting, on top of <see cref="DisplayNameGuard.DefaultBlockedWords"/>.</summary>
    public IList<string> BlockedWords { get; } = [];

    /// <summary>Whether the built-in block list applies (default true).</summary>
    public bool UseDefaultBlockedWords { get; set; } = true;

    /// <summary>The longest first name greeted, as the channel counts length (default 20).</summary>
    public int MaxNameLength { get; set; } = 20;
}
