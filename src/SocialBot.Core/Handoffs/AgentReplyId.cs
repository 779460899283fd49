using System.Security.Cryptography;
using System.Text;

namespace SocialBot.Core.Handoffs;

/// <summary>
/// The reply id of an agent's reply, so a retried <c>socialbot agent reply</c> never posts twice: the reply channel
/// and the sent-reply log drop a second reply with the same id. The id is <c>{handoffId}/agent/{requestId}</c> with the
/// client's <c>--request-id</c>, or, without one, <c>{handoffId}/agent/h{hash}</c> derived from the agent and the text
/// (the same agent sending the same text on the same handoff twice is one reply; vary the text, or pass a new request
/// id, to send it again on purpose).
/// </summary>
public static class AgentReplyId
{
    public const int MaxRequestIdLength = 64;

    public static string For(string handoffId, string agent, string text, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(handoffId);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(text);
        if (requestId is not null)
        {
            return Problem(requestId) is { } problem ? throw new HandoffException(problem) : $"{handoffId}/agent/{requestId}";
        }

        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(agent.Trim().ToUpperInvariant() + "\n" + text.Trim()));
        return $"{handoffId}/agent/h{Convert.ToHexStringLower(bytes.AsSpan(0, 12))}";
    }

    /// <summary>Why a client-supplied request id is refused, or null: 1-64 letters, digits, '-', '_' or '.'.</summary>
    public static string? Problem(string requestId)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        return requestId.Length is 0 or > MaxRequestIdLength || !requestId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? $"--request-id must be 1-{MaxRequestIdLength} letters, digits, '-', '_' or '.'"
            : null;
    }
}
