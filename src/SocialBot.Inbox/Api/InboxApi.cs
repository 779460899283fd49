using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SocialBot.Core.Channels;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Hours;
using SocialBot.Core.Serialization;
using SocialBot.Core.Triage;
using SocialBot.Inbox.Identity;

namespace SocialBot.Inbox.Api;

/// <summary>
/// The agents' API under <c>/api/inbox/…</c>, one method per endpoint (HttpContext in, IResult out), so any host (the
/// local ASP.NET Core host, an isolated-worker HTTP function with ASP.NET Core integration) can call it. Every request
/// is signed in through <see cref="IInboxAuthenticator"/>; the agent's name always comes from the sign-in. Rules live in
/// <see cref="IHandoffDesk"/> and <see cref="HandoffRules"/>, shared with <c>socialbot agent</c>. Errors are JSON
/// <see cref="InboxError"/>: 400 bad input, 401 not signed in, 403 wrong role or missing anti-forgery header, 404 no such
/// handoff, 409 the handoff's state does not allow it (someone else holds it, a lost race, resolved), 422 a reply that
/// needs fixing or confirming.
/// </summary>
public sealed class InboxApi
{
    /// <summary>Every state-changing request carries this header (the page's fetch adds it); a cross-site form cannot.</summary>
    public const string AntiForgeryHeader = "X-SocialBot-Inbox";

    public const int MaxBodyBytes = 64 * 1024;

    public const int MaxReplyLength = 10_000;

    public const int MaxNoteLength = 1_000;

    private readonly IHandoffDesk _desk;
    private readonly IInboxAuthenticator _authenticator;
    private readonly ChannelCatalog _channels;
    private readonly StaffedHours _hours;
    private readonly InboxStatistics _statistics;
    private readonly InboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<InboxApi> _logger;

    public InboxApi(
        IHandoffDesk desk, IInboxAuthenticator authenticator, ChannelCatalog channels, StaffedHours hours, InboxStatistics statistics, InboxOptions options, TimeProvider time, ILogger<InboxApi> logger)
    {
        _desk = desk;
        _authenticator = authenticator;
        _channels = channels;
        _hours = hours;
        _statistics = statistics;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary><c>GET /api/inbox/me</c>: who is signed in.</summary>
    public Task<IResult> MeAsync(HttpContext context) =>
        AsAgentAsync(context, write: false, (identity, _) =>
            Task.FromResult(Json(new MeView(identity.Name, identity.DisplayName, identity.Roles, identity.IsSupervisor, identity.Source, _options.PollSeconds))));

    /// <summary><c>GET /api/inbox/handoffs?status=&amp;priority=&amp;network=&amp;overdue=</c>: the queue, overdue first, then urgent, then earliest due.</summary>
    public Task<IResult> ListAsync(HttpContext context) =>
        AsAgentAsync(context, write: false, async (identity, cancellationToken) =>
        {
            var query = context.Request.Query;
            if (!TryParse<HandoffStatus>(query["status"], "status", "open, claimed or resolved", out var status, out var error)
                || !TryParse<HandoffPriority>(query["priority"], "priority", "urgent or normal", out var priority, out error)
                || !TryParseBool(query["overdue"], out var overdue, out error))
            {
                return error!;
            }

            var network = NonEmpty(query["network"].ToString());
            var handoffs = await _desk.ListAsync(new HandoffFilter { Status = status, Priority = priority, Network = network, Overdue = overdue }, cancellationToken);
            var now = _time.GetUtcNow();
            return Json(handoffs.Select(h => HandoffSummaryView.From(h, _hours, now, identity.Name)).ToList());
        });

    /// <summary><c>GET /api/inbox/handoff?id=</c>: one handoff with everything needed to answer it.</summary>
    public Task<IResult> GetAsync(HttpContext context) =>
        AsAgentAsync(context, write: false, async (identity, cancellationToken) =>
            RequireId(context, out var id) ?? Json(await DetailAsync(await _desk.ShowAsync(id, cancellationToken), identity, cancellationToken)));

    /// <summary><c>POST /api/inbox/next</c>: claims the most urgent waiting handoff; 204 when nothing waits.</summary>
    public Task<IResult> NextAsync(HttpContext context) =>
        AsAgentAsync(context, write: true, async (identity, cancellationToken) =>
        {
            var handoff = await _desk.NextAsync(identity.Name, cancellationToken);
            if (handoff is null)
            {
                return Results.NoContent();
            }

            InboxLog.Acted(_logger, identity.Name, "claimed", handoff.Id);
            return Json(await DetailAsync(handoff, identity, cancellationToken));
        });

    /// <summary><c>POST /api/inbox/handoff/claim?id=</c>: claims this handoff; 409 when someone else holds it.</summary>
    public Task<IResult> ClaimAsync(HttpContext context) =>
        ActAsync(context, "claim", (identity, id, _, cancellationToken) => _desk.ClaimAsync(id, identity.Name, cancellationToken));

    /// <summary><c>POST /api/inbox/handoff/reply?id=</c> with <c>{ "text", "replyKey", "confirmPersonalDetails" }</c>.</summary>
    public Task<IResult> ReplyAsync(HttpContext context) =>
        AsAgentAsync(context, write: true, async (identity, cancellationToken) =>
        {
            if (RequireId(context, out var id) is { } missing)
            {
                return missing;
            }

            var (request, bad) = await ReadBodyAsync<ReplyRequest>(context, cancellationToken);
            if (bad is not null)
            {
                return bad;
            }

            var text = request?.Text?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return Error(StatusCodes.Status400BadRequest, "invalid", "the reply is empty; write what to send the customer");
            }

            if (text.Length > MaxReplyLength)
            {
                return Error(StatusCodes.Status400BadRequest, "invalid", $"the reply is {text.Length} characters; at most {MaxReplyLength} are accepted");
            }

            if (request!.ReplyKey is { } key && (key.Length is 0 or > 64 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            {
                return Error(StatusCodes.Status400BadRequest, "invalid", "replyKey must be 1 to 64 letters, digits, '-' or '_'");
            }

            var handoff = await _desk.ShowAsync(id, cancellationToken);
            var check = ReplyCheck.Check(_channels, handoff.Channel, handoff.Ticket.Mention.IsPublic, text);
            if (check.TooLong)
            {
                return Error(StatusCodes.Status422UnprocessableEntity, "too-long", $"the reply is {check.Length} characters as {check.Network} counts them; the limit is {check.Limit}");
            }

            if (check.NeedsConfirmation && !request.ConfirmPersonalDetails)
            {
                return Error(
                    StatusCodes.Status422UnprocessableEntity,
                    "personal-details",
                    $"this reply is public and contains what looks like a {string.Join(" and a ", check.PersonalDetails)}; everyone can read it. Remove it, or confirm to send anyway");
            }

            var replied = await _desk.ReplyAsync(id, identity.Name, text, request.ReplyKey, cancellationToken);
            InboxLog.Acted(_logger, identity.Name, "replied to", replied.Id);
            return Json(await DetailAsync(replied, identity, cancellationToken));
        });

    /// <summary><c>POST /api/inbox/handoff/resolve?id=</c> with an optional <c>{ "note" }</c>.</summary>
    public Task<IResult> ResolveAsync(HttpContext context) =>
        ActAsync(context, "resolve", async (identity, id, ctx, cancellationToken) =>
        {
            var (request, bad) = await ReadBodyAsync<ResolveRequest>(ctx, cancellationToken);
            if (bad is not null)
            {
                throw new BadRequestException(bad);
            }

            var note = request?.Note?.Trim();
            if (note is { Length: > MaxNoteLength })
            {
                throw new BadRequestException(Error(StatusCodes.Status400BadRequest, "invalid", $"the note is {note.Length} characters; at most {MaxNoteLength} are kept"));
            }

            return await _desk.ResolveAsync(id, identity.Name, string.IsNullOrEmpty(note) ? null : note, cancellationToken);
        });

    /// <summary><c>POST /api/inbox/handoff/release?id=</c>: back to the queue; supervisors may release anyone's claim.</summary>
    public Task<IResult> ReleaseAsync(HttpContext context) =>
        ActAsync(context, "release", (identity, id, _, cancellationToken) => _desk.ReleaseAsync(id, identity.Name, identity.IsSupervisor, cancellationToken));

    /// <summary><c>POST /api/inbox/handoff/extend?id=</c>: renews the agent's claim.</summary>
    public Task<IResult> ExtendAsync(HttpContext context) =>
        ActAsync(context, "extend", (identity, id, _, cancellationToken) => _desk.ExtendAsync(id, identity.Name, cancellationToken));

    /// <summary><c>POST /api/inbox/check</c> with <c>{ "id", "text" }</c>: the reply box's length and personal-details check.</summary>
    public Task<IResult> CheckAsync(HttpContext context) =>
        AsAgentAsync(context, write: true, async (_, cancellationToken) =>
        {
            var (request, bad) = await ReadBodyAsync<CheckRequest>(context, cancellationToken);
            if (bad is not null)
            {
                return bad;
            }

            if (string.IsNullOrWhiteSpace(request?.Id))
            {
                return Error(StatusCodes.Status400BadRequest, "invalid", "id is required: the handoff the reply is for");
            }

            var text = request.Text ?? "";
            if (text.Length > MaxReplyLength)
            {
                text = text[..MaxReplyLength];
            }

            var handoff = await _desk.ShowAsync(request.Id, cancellationToken);
            return Json(ReplyCheck.Check(_channels, handoff.Channel, handoff.Ticket.Mention.IsPublic, text));
        });

    /// <summary><c>GET /api/inbox/dashboard</c>: the supervisors' figures for the last seven days.</summary>
    public Task<IResult> DashboardAsync(HttpContext context) =>
        AsAgentAsync(context, write: false, async (identity, cancellationToken) =>
        {
            if (!identity.IsSupervisor)
            {
                InboxLog.NotSupervisor(_logger, identity.Name, context.Request.Path);
                return Error(StatusCodes.Status403Forbidden, "forbidden", "the dashboard is for supervisors (app role SocialBot.Supervisor)");
            }

            return Json(await _statistics.ComputeAsync(cancellationToken));
        });

    /// <summary>Signs the request in and checks the role; runs <paramref name="action"/> with the identity, mapping rule violations to statuses.</summary>
    internal async Task<IResult> AsAgentAsync(HttpContext context, bool write, Func<InboxIdentity, CancellationToken, Task<IResult>> action)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.CacheControl = "no-store";
        var cancellationToken = context.RequestAborted;
        var signIn = await _authenticator.AuthenticateAsync(context, cancellationToken);
        if (signIn.Identity is not { } identity)
        {
            InboxLog.SignInRefused(_logger, context.Request.Path, signIn.Problem ?? "not signed in");
            return Error(StatusCodes.Status401Unauthorized, "unauthenticated", signIn.Problem ?? "sign in first");
        }

        if (!identity.IsAgent)
        {
            return Error(StatusCodes.Status403Forbidden, "forbidden", $"{identity.Name} has neither the SocialBot.Agent nor the SocialBot.Supervisor role; ask an administrator to assign one");
        }

        if (write && !string.Equals(context.Request.Headers[AntiForgeryHeader], "1", StringComparison.Ordinal))
        {
            return Error(StatusCodes.Status403Forbidden, "forbidden", $"state-changing requests must carry the header {AntiForgeryHeader}: 1");
        }

        try
        {
            return await action(identity, cancellationToken);
        }
        catch (HandoffException exception)
        {
            return exception.Refusal switch
            {
                HandoffRefusal.NotFound => Error(StatusCodes.Status404NotFound, "not-found", exception.Message),
                HandoffRefusal.Invalid => Error(StatusCodes.Status400BadRequest, "invalid", exception.Message),
                _ => Error(StatusCodes.Status409Conflict, "conflict", exception.Message),
            };
        }
        catch (BadRequestException exception)
        {
            return exception.Result;
        }
    }

    private Task<IResult> ActAsync(HttpContext context, string action, Func<InboxIdentity, string, HttpContext, CancellationToken, Task<Handoff>> act) =>
        AsAgentAsync(context, write: true, async (identity, cancellationToken) =>
        {
            if (RequireId(context, out var id) is { } missing)
            {
                return missing;
            }

            try
            {
                var handoff = await act(identity, id, context, cancellationToken);
                InboxLog.Acted(_logger, identity.Name, action, handoff.Id);
                return Json(await DetailAsync(handoff, identity, cancellationToken));
            }
            catch (HandoffException exception) when (exception.Refusal == HandoffRefusal.Conflict)
            {
                InboxLog.Refused(_logger, identity.Name, action, id, exception.Message);
                throw;
            }
        });

    private async Task<HandoffDetailView> DetailAsync(Handoff handoff, InboxIdentity identity, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var ticket = handoff.Ticket;
        var mention = ticket.Mention;
        var all = await _desk.ListAsync(new HandoffFilter { Network = handoff.Channel }, cancellationToken);
        var thread = all.Where(h => string.Equals(h.Ticket.Mention.ConversationId, mention.ConversationId, StringComparison.Ordinal)).ToList();
        if (!thread.Any(h => h.Id == handoff.Id))
        {
            thread.Add(handoff);
        }

        return new HandoffDetailView
        {
            Summary = HandoffSummaryView.From(handoff, _hours, now, identity.Name),
            Text = mention.Text,
            Author = new AuthorView(mention.Author.Id, mention.Author.Handle, mention.Author.Name),
            ConversationId = mention.ConversationId,
            ReceivedAt = mention.ReceivedAt,
            Sentiment = ticket.Sentiment is { } s ? new SentimentView(s.Label.ToString().ToLowerInvariant(), s.Score, s.Analyzer, s.Cues) : null,
            Reasons = ticket.Reasons,
            Trace = ticket.Trace,
            Acknowledgement = ticket.Acknowledgement,
            ArrivedAfterHours = ticket.ArrivedAfterHours,
            ResolvedAt = handoff.ResolvedAt,
            Conversation = Conversation(thread),
            Audit = handoff.Audit,
            Reply = ReplyCheck.Check(_channels, handoff.Channel, mention.IsPublic, ""),
        };
    }

    /// <summary>The conversation so far from the handoffs of the same conversation: each customer message, its acknowledgement, agents' replies.</summary>
    internal static IReadOnlyList<ConversationEntryView> Conversation(IEnumerable<Handoff> thread)
    {
        var entries = new List<ConversationEntryView>();
        foreach (var handoff in thread)
        {
            var mention = handoff.Ticket.Mention;
            entries.Add(new ConversationEntryView(mention.ReceivedAt, "customer", mention.Text, null, handoff.Id));
            if (handoff.Ticket.Acknowledgement is { } ack)
            {
                entries.Add(new ConversationEntryView(handoff.Ticket.HandedOffAt, "bot", ack, null, handoff.Id));
            }

            entries.AddRange(handoff.Audit
                .Where(entry => entry.Action == "replied" && entry.Note is not null)
                .Select(entry => new ConversationEntryView(entry.At, "agent", entry.Note!, entry.Agent, handoff.Id)));
        }

        return entries.OrderBy(entry => entry.At).ToList();
    }

    private static IResult? RequireId(HttpContext context, out string id)
    {
        id = context.Request.Query["id"].ToString().Trim();
        if (id.Length == 0)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid", "id is required (?id=channel/mentionId)");
        }

        return id.Length > 1024 ? Error(StatusCodes.Status400BadRequest, "invalid", "id is longer than any handoff id") : null;
    }

    private static async Task<(T? Value, IResult? Error)> ReadBodyAsync<T>(HttpContext context, CancellationToken cancellationToken)
        where T : class
    {
        var request = context.Request;
        if (request.ContentLength is > MaxBodyBytes)
        {
            return (null, Error(StatusCodes.Status413PayloadTooLarge, "too-large", $"the request body is larger than {MaxBodyBytes} bytes"));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (null, Error(StatusCodes.Status413PayloadTooLarge, "too-large", $"the request body is larger than {MaxBodyBytes} bytes"));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, null);
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(buffer.ToArray(), SocialBotJson.Options), null);
        }
        catch (JsonException exception)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "invalid", "the body is not valid JSON: " + InboxAuthenticator.Truncate(exception.Message, 120)));
        }
    }

    private static bool TryParse<T>(string? value, string name, string choices, out T? parsed, out IResult? error)
        where T : struct, Enum
    {
        parsed = null;
        error = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var result) && !int.TryParse(value, out _))
        {
            parsed = result;
            return true;
        }

        error = Error(StatusCodes.Status400BadRequest, "invalid", $"{name}: '{InboxAuthenticator.Truncate(value)}' is not one of {choices}");
        return false;
    }

    private static bool TryParseBool(string? value, out bool? parsed, out IResult? error)
    {
        parsed = null;
        error = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (bool.TryParse(value.Trim(), out var result))
        {
            parsed = result;
            return true;
        }

        error = Error(StatusCodes.Status400BadRequest, "invalid", $"overdue: '{InboxAuthenticator.Truncate(value)}' is not true or false");
        return false;
    }

    private static string? NonEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static IResult Json<T>(T value) => Results.Json(value, SocialBotJson.Options);

    internal static IResult Error(int status, string code, string message) => Results.Json(new InboxError(message, code), SocialBotJson.Options, statusCode: status);

    /// <summary>Carries a 400 answer out of a desk callback.</summary>
    private sealed class BadRequestException(IResult result) : Exception("bad request")
    {
        public IResult Result { get; } = result;
    }
}
