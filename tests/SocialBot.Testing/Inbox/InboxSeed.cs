using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Hours;
using SocialBot.Core.Mentions;
using SocialBot.Core.Processing;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Triage;

namespace SocialBot.Testing.Inbox;

/// <summary>Handoffs and processed mentions put into the stores the way the pipeline puts them there.</summary>
public static class InboxSeed
{
    public static HandoffTicket Ticket(
        string channel,
        string mentionId,
        HandoffPriority priority,
        DateTimeOffset handedOffAt,
        DateTimeOffset? dueBy,
        string text,
        bool isPublic = true,
        string? conversationId = null,
        string handle = "alex",
        string? name = "Alex",
        SentimentResult? sentiment = null,
        string? acknowledgement = null) =>
        new()
        {
            Id = $"{channel}/{mentionId}",
            Mention = new Mention
            {
                Id = mentionId,
                Channel = channel,
                ConversationId = conversationId ?? "c-" + mentionId,
                Author = new MentionAuthor { Id = "u-" + handle, Handle = handle, Name = name },
                Text = text,
                ReceivedAt = handedOffAt.AddSeconds(-2),
                IsPublic = isPublic,
            },
            Priority = priority,
            Reasons = priority == HandoffPriority.Urgent ? ["negative sentiment", "mentions a safety issue"] : ["needs a person"],
            DueBy = dueBy,
            Sentiment = sentiment ?? new SentimentResult { Label = SentimentLabel.Negative, Score = -0.72, Analyzer = "embedded", Cues = ["refund", "still waiting"] },
            Acknowledgement = acknowledgement,
            ArrivedAfterHours = acknowledgement is not null,
            HandedOffAt = handedOffAt,
            Trace = ["sentiment negative (-0.72, embedded)", $"priority {priority.ToString().ToLowerInvariant()}: handed to agents"],
        };

    /// <summary>Queues the tickets as triage does; the desk takes them into its table on its next call.</summary>
    public static async Task HandOffAsync(IServiceProvider services, IEnumerable<HandoffTicket> tickets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var queues = services.GetRequiredService<IOutboundQueues>();
        foreach (var ticket in tickets)
        {
            await queues.EnqueueHandoffAsync(ticket, cancellationToken);
        }
    }

    /// <summary>Records a processed mention in the ledger as triage does (outcome, staffed, acknowledged, sentiment).</summary>
    public static async Task RecordMentionAsync(
        IServiceProvider services, Mention mention, bool staffed, bool acknowledged, SentimentLabel sentiment, HandoffPriority? handoff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(mention);
        var ledger = services.GetRequiredService<IMentionLedger>();
        var decision = new TriageDecision
        {
            MentionId = mention.Id,
            Channel = mention.Channel,
            DecidedAt = mention.ReceivedAt,
            Staffed = staffed,
            Sentiment = new SentimentResult { Label = sentiment, Score = sentiment == SentimentLabel.Negative ? -0.6 : 0.3, Analyzer = "embedded" },
            Reply = acknowledged ? new ReplyDraft("Thanks, we're on it.") : null,
            Handoff = handoff is { } priority ? new HandoffDraft { Priority = priority, Reasons = ["needs a person"] } : null,
            Ignored = handoff is null ? IgnoreReason.NoFollowUp : null,
            Trace = ["seeded"],
        };
        var state = await ledger.ReadAsync(mention, cancellationToken);
        await ledger.RecordAsync(mention, decision, state, cancellationToken);
    }

    /// <summary>
    /// A week of believable traffic for screenshots, the dashboard and the latency bench: <paramref name="mentions"/>
    /// mentions over the 7 days before <paramref name="now"/> (busier in the day), a third of them handed off, most of
    /// those answered and resolved by agents (the clock is moved to each action's time), the latest left open, one
    /// overdue. Deterministic for a given seed. The agents' actions go through a desk on its own clock, moved to each
    /// action's time, so audit times (and first response times) are those of the story, whatever the host's clock says.
    /// </summary>
    public static async Task<int> DemoWeekAsync(
        IServiceProvider services, DateTimeOffset now, int mentions, int openHandoffs, int seed = 7, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var hours = services.GetRequiredService<StaffedHours>();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now - TimeSpan.FromDays(8));
        var desk = ActivatorUtilities.CreateInstance<SocialBot.Azure.Handoffs.TableHandoffDesk>(services, time);
        var random = new Random(seed);
        string[] networks = ["x", "bluesky", "mastodon", "facebook", "instagram", "webchat"];
        string[] texts =
        [
            "My order still hasn't arrived and nobody answers the phone.",
            "The app keeps logging me out since the update, really annoying",
            "Charged twice for the same booking!! Please fix this",
            "Is the store on Main Street open on Sunday?",
            "The delivery driver left my parcel in the rain. Everything is soaked.",
            "Great service yesterday, thanks to the team at the counter",
            "I was promised a refund two weeks ago and I'm still waiting",
            "Your website checkout fails with an error every time",
        ];
        var events = new List<(DateTimeOffset At, Func<Task> Act)>();
        var tickets = new List<HandoffTicket>();
        var start = now - TimeSpan.FromDays(7);
        for (var i = 0; i < mentions; i++)
        {
            var hourOfWeek = random.Next(1, 7 * 24);
            var local = start.AddHours(hourOfWeek).AddMinutes(random.Next(0, 60));
            var dayTime = local.ToOffset(hours.TimeZone.GetUtcOffset(local)).Hour is >= 8 and < 20;
            if (!dayTime && random.NextDouble() < 0.55)
            {
                local = local.AddHours(12);
                if (local >= now)
                {
                    local = local.AddHours(-24);
                }
            }

            var network = networks[random.Next(networks.Length)];
            var staffed = hours.IsStaffed(local);
            var sentiment = random.NextDouble() switch { < 0.42 => SentimentLabel.Negative, < 0.7 => SentimentLabel.Neutral, < 0.93 => SentimentLabel.Positive, _ => SentimentLabel.Mixed };
            var handedOff = sentiment == SentimentLabel.Negative && random.NextDouble() < 0.8 || random.NextDouble() < 0.08;
            var priority = random.NextDouble() < 0.25 ? HandoffPriority.Urgent : HandoffPriority.Normal;
            var id = $"m{i:D5}";
            var text = texts[random.Next(texts.Length)];
            var acknowledged = !staffed;
            var mention = new Mention
            {
                Id = id,
                Channel = network,
                ConversationId = "c-" + id,
                Author = new MentionAuthor { Id = "u" + random.Next(1000), Handle = "customer" + random.Next(1000) },
                Text = text,
                ReceivedAt = local,
                IsPublic = network != "webchat",
            };
            await RecordMentionAsync(services, mention, staffed, acknowledged, sentiment, handedOff ? priority : null, cancellationToken);
            if (!handedOff)
            {
                continue;
            }

            var due = hours.AddStaffedTime(local, priority == HandoffPriority.Urgent ? TimeSpan.FromMinutes(30) : TimeSpan.FromHours(4));
            tickets.Add(Ticket(network, id, priority, local.AddSeconds(2), due, text, mention.IsPublic, mention.ConversationId, mention.Author.Handle!, null,
                new SentimentResult { Label = sentiment, Score = -0.6, Analyzer = "embedded", Cues = ["still waiting"] },
                acknowledged ? "Thanks for reaching out! Our team is back at 9:00 AM; we'll pick this up first thing." : null));
            var agent = random.Next(3) switch { 0 => "sam@contoso.example", 1 => "riya@contoso.example", _ => "lee@contoso.example" };
            var responseStaffed = TimeSpan.FromMinutes(priority == HandoffPriority.Urgent ? random.Next(5, 45) : random.Next(20, 300));
            var replyAt = hours.AddStaffedTime(local, responseStaffed) ?? local.AddHours(1);
            if (replyAt >= now.AddMinutes(-30))
            {
                continue;
            }

            var handoffId = $"{network}/{id}";
            events.Add((replyAt, () => desk.ReplyAsync(handoffId, agent, "Sorry about this! We've sent you a private message to sort it out.", requestId: null, cancellationToken)));
            events.Add((replyAt.AddMinutes(random.Next(2, 30)), () => desk.ResolveAsync(handoffId, agent, "answered", cancellationToken)));
        }

        // Some handoffs still waiting, received in the last hours; one of them overdue.
        for (var i = 0; i < openHandoffs; i++)
        {
            var at = now.AddMinutes(-(i * 7) - 3);
            var priority = i % 4 == 2 ? HandoffPriority.Urgent : HandoffPriority.Normal;
            var network = networks[i % networks.Length];
            var due = i == openHandoffs - 1 ? now.AddMinutes(-20) : hours.AddStaffedTime(at, priority == HandoffPriority.Urgent ? TimeSpan.FromMinutes(30) : TimeSpan.FromHours(4));
            tickets.Add(Ticket(network, $"open{i:D4}", priority, at, due, texts[i % texts.Length], network != "webchat", handle: "customer" + (100 + i), name: null));
        }

        await HandOffAsync(services, tickets, cancellationToken);
        await desk.ListAsync(new HandoffFilter(), cancellationToken);
        foreach (var (at, act) in events.OrderBy(e => e.At))
        {
            if (at > time.GetUtcNow())
            {
                time.SetUtcNow(at);
            }

            await act();
        }

        return tickets.Count;
    }
}
