using System.CommandLine;
using SocialBot.Core.Mentions;

namespace SocialBot.Cli;

/// <summary>Options shared by every command.</summary>
internal static class CliOptions
{
    public static Option<string?> Config { get; } = new("--config")
    {
        Description = "A JSON file shaped like appsettings (section SocialBot). Sub-sections you set replace the embedded defaults.",
        Recursive = true,
    };

    public static Option<string> Format { get; } = CreateFormat();

    public static Option<string?> At()
    {
        return new Option<string?>("--at")
        {
            Description = "The instant to decide for, ISO 8601 with an offset (default: now).",
        };
    }

    public static Option<string> MentionFile()
    {
        return new Option<string>("--mention")
        {
            Description = "A mention JSON file, or - for standard input.",
            Required = true,
        };
    }

    public static bool IsText(ParseResult parseResult) => parseResult.GetValue(Format) == "text";

    /// <summary>Parses <c>--at</c>: an ISO 8601 instant with an offset, or now when absent.</summary>
    public static DateTimeOffset ParseInstant(string? value, TimeProvider time)
    {
        if (value is null)
        {
            return time.GetUtcNow();
        }

        if (!Timestamps.TryParseWithOffset(value.Trim(), out var instant))
        {
            throw new CliException($"--at: '{value}' is not an ISO 8601 instant with an offset (e.g. 2026-11-23T21:15:00-05:00)");
        }

        return instant;
    }

    private static Option<string> CreateFormat()
    {
        var option = new Option<string>("--format")
        {
            Description = "json (default, for scripts) or text (for people).",
            DefaultValueFactory = _ => "json",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("json", "text");
        return option;
    }
}
