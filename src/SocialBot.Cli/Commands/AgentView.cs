using System.Globalization;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Triage;
using Spectre.Console;

namespace SocialBot.Cli.Commands;

/// <summary>How the agent commands print: Spectre.Console tables for people, or JSON for scripts. Times are shown in the staffed-hours time zone.</summary>
internal sealed class AgentView
{
    private readonly CliConsole _console;
    private readonly IAnsiConsole _ansi;
    private readonly TimeZoneInfo _zone;
    private readonly DateTimeOffset _now;

    public AgentView(CliConsole console, bool json, string timeZone, DateTimeOffset now)
    {
        _console = console;
        Json = json;
        _now = now;
        _zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
        _ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Output),
            Ansi = console.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = console.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!console.Interactive)
        {
            // Redirected to a file or a pipe: no terminal width to fit, so keep rows on one line for grep.
            _ansi.Profile.Width = 200;
        }
    }

    public bool Json { get; }

    /// <summary>One handoff: JSON, or the details table followed by an optional line saying what just happened.</summary>
    public void Write(Handoff handoff, string? done = null)
    {
        if (Json)
        {
            _console.WriteJson(handoff);
            return;
        }

        Details(handoff);
        if (done is not null)
        {
            _console.Output.WriteLine(done);
        }
    }

    public void Details(Handoff handoff)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var ticket = handoff.Ticket;
        var mention = ticket.Mention;
        var grid = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn("");
        grid.Title = new TableTitle($"Handoff {Markup.Escape(handoff.Id)}");
        Row(grid, "Priority", handoff.Priority == HandoffPriority.Urgent ? "URGENT" : "normal");
        Row(grid, "Status", StatusText(handoff));
        Row(grid, "Due", Due(handoff));
        Row(grid, "Channel", $"{mention.Channel}, {(mention.IsPublic ? "PUBLIC: everyone sees your reply, so no personal details" : "private")}");
        Row(grid, "From", Author(handoff));
        Row(grid, "Arrived", $"{Time(mention.ReceivedAt)}{(ticket.ArrivedAfterHours ? " (after hours)" : " (staffed hours)")}; handed off {Time(ticket.HandedOffAt)}");
        Row(grid, "Message", mention.Text);
        Row(grid, "Sentiment", ticket.Sentiment is { } s
            ? $"{s.Label.ToString().ToLowerInvariant()} ({s.Score.ToString("0.00", CultureInfo.InvariantCulture)}, {s.Analyzer}){(s.Cues.Count > 0 ? "; cues: " + string.Join(", ", s.Cues) : "")}"
            : "not analysed");
        Row(grid, "Why handed off", string.Join("; ", ticket.Reasons));
        Row(grid, "Already sent", ticket.Acknowledgement ?? "no automatic acknowledgement was sent");
        Row(grid, "Trace", string.Join(Environment.NewLine, ticket.Trace));
        Row(grid, "History", handoff.Audit.Count == 0
            ? "none yet"
            : string.Join(Environment.NewLine, handoff.Audit.Select(a => $"{Time(a.At)} {a.Agent} {a.Action}{(a.Note is null ? "" : ": " + a.Note)}")));
        _ansi.Write(grid);
        if (handoff.Status != HandoffStatus.Resolved)
        {
            _console.Output.WriteLine($"Next: socialbot agent reply {handoff.Id} \"...\"   then   socialbot agent resolve {handoff.Id}");
        }
    }

    public void Table(IReadOnlyList<Handoff> handoffs)
    {
        ArgumentNullException.ThrowIfNull(handoffs);
        if (handoffs.Count == 0)
        {
            _console.Output.WriteLine("No handoffs match.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("ID").AddColumn("Priority").AddColumn("Status").AddColumn("Due").AddColumn("From").AddColumn("Message");
        table.Caption = new TableTitle($"Times in {Markup.Escape(_zone.Id)}; now {Markup.Escape(Time(_now))}");
        foreach (var handoff in handoffs)
        {
            var text = handoff.Ticket.Mention.Text;
            table.AddRow(
                Cell(handoff.Id),
                Cell(handoff.Priority == HandoffPriority.Urgent ? "URGENT" : "normal"),
                Cell(StatusText(handoff)),
                Cell(Due(handoff)),
                Cell(Author(handoff)),
                Cell(text.Length > 50 ? string.Concat(text.AsSpan(0, 47), "...") : text));
        }

        _ansi.Write(table);
    }

    /// <summary>A time in the staffed-hours zone, e.g. <c>Mon 2026-11-30 09:30</c>.</summary>
    public string Time(DateTimeOffset? value) =>
        value is { } v ? TimeZoneInfo.ConvertTime(v, _zone).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";

    private string Due(Handoff handoff)
    {
        if (handoff.DueBy is not { } due)
        {
            return "no target";
        }

        if (handoff.Status == HandoffStatus.Resolved)
        {
            return Time(due);
        }

        return handoff.Overdue ? $"{Time(due)} (OVERDUE by {Span(_now - due)})" : $"{Time(due)} (in {Span(due - _now)})";
    }

    private string StatusText(Handoff handoff) => handoff.Status switch
    {
        HandoffStatus.Claimed => $"claimed by {handoff.ClaimedBy} until {Time(handoff.ClaimedUntil)}",
        HandoffStatus.Resolved => $"resolved {Time(handoff.ResolvedAt)}",
        _ => "open",
    };

    private static string Author(Handoff handoff)
    {
        var author = handoff.Ticket.Mention.Author;
        return author.Name is null ? author.Handle ?? author.Id : $"{author.Name}{(author.Handle is null ? "" : $" ({author.Handle})")}";
    }

    private static string Span(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{(int)span.TotalDays}d {span.Hours}h" : span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes}m" : $"{Math.Max(0, (int)span.TotalMinutes)}m";

    private static void Row(Table table, string label, string value) => table.AddRow(Cell(label), Cell(value));

    private static Text Cell(string value) => new(value);
}
