using Microsoft.Extensions.Logging;

namespace SocialBot.Core.Privacy;

/// <summary>
/// The retention use case: purges everything not changed for <see cref="RetentionOptions.Days"/> days (handoffs,
/// conversation state, outbox, sent markers, poison messages). Run daily by a timer function; safe to run at any time
/// and repeatedly (a second run finds nothing more to purge).
/// </summary>
public sealed partial class RetentionSweeper
{
    private readonly IPersonalDataStore _store;
    private readonly RetentionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RetentionSweeper> _logger;

    public RetentionSweeper(IPersonalDataStore store, RetentionOptions options, TimeProvider time, ILogger<RetentionSweeper> logger)
    {
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>The instant before which data is purged now.</summary>
    public DateTimeOffset Cutoff => _time.GetUtcNow() - TimeSpan.FromDays(_options.Days);

    public async Task<PrivacyReport> SweepAsync(CancellationToken cancellationToken = default)
    {
        var report = await _store.PurgeOlderThanAsync(Cutoff, cancellationToken);
        var counts = string.Join(", ", report.Counts.Select(pair => $"{pair.Key} {pair.Value}"));
        LogSwept(_logger, _options.Days, report.Total, counts);
        return report;
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Retention: purged {Total} item(s) older than {Days} days ({Counts})")]
    private static partial void LogSwept(ILogger logger, int days, int total, string counts);
}
