using System.Text.Json;
using SocialBot.Core.Mentions;

namespace SocialBot.Networks.Meta;

/// <summary>What one webhook delivery holds: the mentions, the changes skipped on purpose, and the malformed ones.</summary>
internal sealed class MetaWebhookBatch
{
    private readonly List<Mention> _mentions = [];
    private readonly List<MetaChangeNote> _skipped = [];
    private readonly List<MetaChangeNote> _refused = [];

    public IReadOnlyList<Mention> Mentions => _mentions;

    /// <summary>Changes that are not customer comments (likes, edits, the Page's own comments): nothing to do.</summary>
    public IReadOnlyList<MetaChangeNote> Skipped => _skipped;

    /// <summary>Malformed changes: go to the poison queue with the reason and their raw JSON.</summary>
    public IReadOnlyList<MetaChangeNote> Refused => _refused;

    internal void Add(Mention mention) => _mentions.Add(mention);

    internal void Skip(string where, string reason) => _skipped.Add(new MetaChangeNote(where, reason, null));

    internal void Refuse(string where, string reason, string raw) => _refused.Add(new MetaChangeNote(where, reason, raw));
}
