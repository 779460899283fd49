using SocialBot.Core.Handoffs;
using SocialBot.Core.Mentions;
using SocialBot.Core.Processing;

namespace SocialBot.Core.Privacy;

/// <summary>
/// How an author's personal data is anonymised for <c>socialbot forget</c>: the text, name and handle are replaced by
/// <see cref="Erased"/>, quoted cues are dropped, and the author's channel id stays (a pseudonymous key, so the erasure
/// can be checked and repeated, and the conversation still works for agents).
/// </summary>
public static class PersonalData
{
    public const string Erased = "[erased]";

    public static Mention Anonymise(Mention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return mention with
        {
            Text = Erased,
            Author = mention.Author with { Name = null, Handle = null },
            ConversationReference = mention.ConversationReference is { } reference
                ? reference with { User = reference.User is { } user ? user with { Name = null } : null }
                : null,
        };
    }

    public static HandoffTicket Anonymise(HandoffTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket with
        {
            Mention = Anonymise(ticket.Mention),
            Reasons = ticket.Reasons.Select(EscalationNotifier.WithoutQuotes).ToList(),
            Sentiment = ticket.Sentiment is { } sentiment ? sentiment with { Cues = [] } : null,
            Acknowledgement = ticket.Acknowledgement is null ? null : Erased,
            Trace = [Erased],
        };
    }

    /// <summary>Whether the ticket is about the author.</summary>
    public static bool IsAbout(HandoffTicket ticket, string channel, string authorId)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return string.Equals(ticket.Mention.Channel, channel, StringComparison.OrdinalIgnoreCase) && ticket.Mention.Author.Id == authorId;
    }
}
