namespace SocialBot.Core.Privacy;

/// <summary>Where SocialBot keeps data about people: purged after the retention period, erased on request.</summary>
public interface IPersonalDataStore
{
    /// <summary>Deletes everything last changed before <paramref name="cutoff"/>; returns what it deleted per store.</summary>
    Task<PrivacyReport> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);

    /// <summary>Erases or anonymises the author's text and name everywhere they are stored; returns what it changed per store.</summary>
    Task<PrivacyReport> EraseAuthorAsync(string channel, string authorId, CancellationToken cancellationToken = default);
}
