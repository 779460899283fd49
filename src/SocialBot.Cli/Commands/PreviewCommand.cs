using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Hours;
using SocialBot.Core.Mentions;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Triage;

namespace SocialBot.Cli.Commands;

/// <summary><c>socialbot preview</c>: a dry run of TriageMention at an instant, touching no storage and no network.</summary>
internal static class PreviewCommand
{
    public static Command Create(CliConsole console, CliServices services)
    {
        var mentionOption = CliOptions.MentionFile();
        var atOption = CliOptions.At();
        var command = new Command("preview", "Show what SocialBot would do with a mention (a dry run: no storage, no network).");
        command.Options.Add(mentionOption);
        command.Options.Add(atOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var provider = services.Build(parseResult.GetValue(CliOptions.Config), cloud: false);
            var time = provider.GetRequiredService<TimeProvider>();
            var at = CliOptions.ParseInstant(parseResult.GetValue(atOption), time);
            var (mention, _) = await MentionInput.ReadAsync(parseResult.GetValue(mentionOption)!, provider.GetRequiredService<MentionParser>(), console, cancellationToken);
            var decision = await provider.GetRequiredService<TriagePolicy>().DecideAsync(mention, at, cancellationToken);
            var view = PreviewView.From(decision, provider.GetRequiredService<StaffedHours>());
            if (CliOptions.IsText(parseResult))
            {
                WriteText(console, view);
            }
            else
            {
                console.WriteJson(view);
            }

            return 0;
        });
        return command;
    }

    private static void WriteText(CliConsole console, PreviewView view)
    {
        var output = console.Output;
        output.WriteLine($"Mention {view.MentionId}: {(view.Staffed ? "staffed now" : "outside staffed hours")}" +
            (view.NextStaffedAt is { } next && !view.Staffed ? $", back {next.ToString("ddd yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}" : ""));
        if (view.Sentiment is { } sentiment)
        {
            output.WriteLine($"Sentiment: {sentiment.Label} ({sentiment.Score.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)}, {sentiment.Analyzer})");
        }

        output.WriteLine(view.Ignored is { } reason ? $"Ignored: {reason}" : $"Handoff: {view.Handoff?.Priority ?? "none"}" +
            (view.Handoff?.DueBy is { } due ? $", first response due {due.ToString("ddd yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}" : ""));
        output.WriteLine(view.Reply is { } reply ? $"Reply: {reply.Text}" : "Reply: none");
        if (view.Reply?.AnswerId is { } answerId)
        {
            output.WriteLine($"Quick answer: {answerId} ({view.Reply.AnswerScore?.ToString("0.00", CultureInfo.InvariantCulture)})");
        }

        output.WriteLine("Why:");
        foreach (var line in view.Trace)
        {
            output.WriteLine($"  - {line}");
        }
    }
}

/// <summary>The <c>preview</c> output contract (DESIGN.md section 4). Instants are in the team's time zone.</summary>
internal sealed record PreviewView
{
    public required string MentionId { get; init; }

    public required bool Staffed { get; init; }

    public DateTimeOffset? NextStaffedAt { get; init; }

    public SentimentView? Sentiment { get; init; }

    public required bool Acknowledge { get; init; }

    public ReplyView? Reply { get; init; }

    public HandoffView? Handoff { get; init; }

    public string? Ignored { get; init; }

    public required IReadOnlyList<string> Trace { get; init; }

    public static PreviewView From(TriageDecision decision, StaffedHours hours) => new()
    {
        MentionId = decision.MentionId,
        Staffed = decision.Staffed,
        NextStaffedAt = hours.ToLocal(decision.NextStaffedAt),
        Sentiment = decision.Sentiment is { } s ? new SentimentView(s.Label.ToWire(), Math.Round(s.Score, 4), s.Analyzer, s.Cues) : null,
        Acknowledge = decision.Acknowledge,
        Reply = decision.Reply is { } r ? new ReplyView(r.Text, decision.Answer?.EntryId, decision.Answer?.Score) : null,
        Handoff = decision.Handoff is { } h
            ? new HandoffView(h.Priority == HandoffPriority.Urgent ? "urgent" : "normal", h.Reasons, hours.ToLocal(h.DueBy))
            : null,
        Ignored = decision.Ignored is { } reason ? IgnoreReasons.ToWire(reason) : null,
        Trace = decision.Trace,
    };

}

internal sealed record SentimentView(string Label, double Score, string Analyzer, IReadOnlyList<string> Cues);

/// <summary>The reply; <see cref="AnswerId"/> and <see cref="AnswerScore"/> name the quick answer in it, if any.</summary>
internal sealed record ReplyView(string Text, string? AnswerId = null, double? AnswerScore = null);

internal sealed record HandoffView(string Priority, IReadOnlyList<string> Reasons, DateTimeOffset? DueBy);
