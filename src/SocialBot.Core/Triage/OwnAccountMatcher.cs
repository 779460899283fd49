using SocialBot.Core.Mentions;

namespace SocialBot.Core.Triage;

/// <summary>Recognises the team's own accounts by handle (with or without @, any case) or by author id.</summary>
public sealed class OwnAccountMatcher
{
    private readonly HashSet<string> _handles = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public OwnAccountMatcher(IEnumerable<string> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        foreach (var account in accounts.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()))
        {
            _handles.Add(account.TrimStart('@'));
            _ids.Add(account);
        }
    }

    public bool Matches(MentionAuthor author)
    {
        ArgumentNullException.ThrowIfNull(author);
        return _ids.Contains(author.Id)
            || (author.Handle is { } handle && _handles.Contains(handle.Trim().TrimStart('@')));
    }
}
