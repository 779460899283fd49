using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace SocialBot.Azure.Storage;

/// <summary>One poison message: its id on the poison queue, why it was poisoned, and the original message.</summary>
public sealed record PoisonEntry(string Id, string Queue, string Reason, long DequeueCount, DateTimeOffset? PoisonedAt, string Message)
{
    /// <summary>The start of the message for people: never the full customer text.</summary>
    public string Preview(int length = 40)
    {
        var flat = new string(Message.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return flat.Length <= length ? flat : string.Concat(flat.AsSpan(0, length), "…");
    }
}
