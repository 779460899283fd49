using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SocialBot.Core.Sentiment.Cascade;

/// <summary>
/// Scores every text locally first and asks the remote analyzer only about the uncertain ones: a local compound score
/// inside the uncertain band, a mixed label, or a customer-care cue without a negative label. When the remote analyzer
/// fails, times out, is throttled or its circuit is open, the local result stands. Thread-safe.
/// </summary>
/// <remarks>
/// The returned <see cref="SentimentResult.Analyzer"/> names the analyzer that decided, and the first cue says why
/// (for example <c>cascade: uncertain local score -0.12 → azure</c>).
/// </remarks>
public sealed partial class CascadeSentimentAnalyzer : ISentimentAnalyzer
{
    public const string AnalyzerName = "cascade";

    private readonly ISentimentAnalyzer _local;
    private readonly ISentimentAnalyzer _remote;
    private readonly CascadeOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CircuitBreaker _breaker;
    private long _textsSeen;
    private long _textsSentToRemote;
    private long _fallbacks;
    private long _remoteFailures;

    public CascadeSentimentAnalyzer(
        ISentimentAnalyzer local,
        ISentimentAnalyzer remote,
        CascadeOptions options,
        TimeProvider timeProvider,
        ILogger<CascadeSentimentAnalyzer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _local = local;
        _remote = remote;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<CascadeSentimentAnalyzer>.Instance;
        _breaker = new CircuitBreaker(options.FailureThreshold, options.BreakDuration, timeProvider);
    }

    public string Name => AnalyzerName;

    public CascadeStatistics Statistics => new()
    {
        TextsSeen = Interlocked.Read(ref _textsSeen),
        TextsSentToRemote = Interlocked.Read(ref _textsSentToRemote),
        Fallbacks = Interlocked.Read(ref _fallbacks),
        RemoteFailures = Interlocked.Read(ref _remoteFailures),
        BreakerState = _breaker.State,
    };

    public async Task<SentimentResult> AnalyzeAsync(string text, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<SentimentResult> results = await AnalyzeBatchAsync([text], cancellationToken);
        return results[0];
    }

    public async Task<IReadOnlyList<SentimentResult>> AnalyzeBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        IReadOnlyList<SentimentResult> local = await _local.AnalyzeBatchAsync(texts, cancellationToken);
        Interlocked.Add(ref _textsSeen, texts.Count);

        var results = new SentimentResult[texts.Count];
        var uncertain = new List<int>();
        var reasons = new string?[texts.Count];
        for (int i = 0; i < texts.Count; i++)
        {
            reasons[i] = UncertaintyReason(local[i]);
            if (reasons[i] is null)
            {
                results[i] = WithCue(local[i], Cue($"cascade: confident local score {local[i].Score:0.00} → {_local.Name}"), local[i].Cues);
            }
            else
            {
                uncertain.Add(i);
            }
        }

        if (uncertain.Count > 0)
        {
            await ResolveUncertainAsync(texts, local, reasons, uncertain, results, cancellationToken);
        }

        return results;
    }

    private async Task ResolveUncertainAsync(
        IReadOnlyList<string> texts,
        IReadOnlyList<SentimentResult> local,
        string?[] reasons,
        List<int> uncertain,
        SentimentResult[] results,
        CancellationToken cancellationToken)
    {
        if (!_breaker.TryAcquire(out _))
        {
            FallBack(local, uncertain, results, Cue($"cascade: circuit open → {_local.Name}"));
            return;
        }

        Interlocked.Add(ref _textsSentToRemote, uncertain.Count);
        string[] remoteTexts = [.. uncertain.Select(i => texts[i])];
        IReadOnlyList<SentimentResult?> remote;
        try
        {
            using var timeout = new CancellationTokenSource(_options.RemoteTimeout, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            IReadOnlyList<SentimentResult> answered = await _remote.AnalyzeBatchAsync(remoteTexts, linked.Token);
            if (answered.Count != remoteTexts.Length)
            {
                throw new RemoteSentimentException($"The remote analyzer returned {answered.Count} results for {remoteTexts.Length} texts.");
            }

            remote = answered;
        }
        catch (RemoteSentimentException ex) when (ex.PartialResults is { } partial && partial.Count == remoteTexts.Length)
        {
            // The service answered; only some documents were rejected. That is no reason to open the circuit.
            remote = partial;
            LogPartialFailure(_logger, partial.Count(r => r is null), ex.ErrorCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            RecordFailure("timeout");
            FallBack(local, uncertain, results, Cue($"cascade: {_remote.Name} failed (timeout) → {_local.Name}"));
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            string reason = Describe(ex);
            RecordFailure(reason);
            FallBack(local, uncertain, results, Cue($"cascade: {_remote.Name} failed ({reason}) → {_local.Name}"));
            return;
        }

        if (_breaker.RecordSuccess())
        {
            LogCircuitClosed(_logger);
        }

        for (int k = 0; k < uncertain.Count; k++)
        {
            int i = uncertain[k];
            if (remote[k] is { } answer)
            {
                results[i] = WithCue(answer with { Analyzer = _remote.Name }, Cue($"cascade: {reasons[i]} → {_remote.Name}"), [.. answer.Cues, .. local[i].Cues]);
            }
            else
            {
                Interlocked.Increment(ref _fallbacks);
                results[i] = WithCue(local[i], Cue($"cascade: {_remote.Name} failed (document) → {_local.Name}"), local[i].Cues);
            }
        }
    }

    private string? UncertaintyReason(SentimentResult local)
    {
        if (local.Score >= _options.UncertainLow && local.Score <= _options.UncertainHigh)
        {
            return Cue($"uncertain local score {local.Score:0.00}");
        }

        if (local.Label == SentimentLabel.Mixed)
        {
            return "mixed local label";
        }

        if (!local.IsNegative && FindCareCue(local) is { } careCue)
        {
            return Cue($"care cue '{careCue}' without negative label");
        }

        return null;
    }

    private string? FindCareCue(SentimentResult local)
    {
        foreach (string cue in local.Cues)
        {
            int colon = cue.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            string prefix = cue[..colon].Trim();
            if (_options.CareCuePrefixes.Any(p => string.Equals(p, prefix, StringComparison.OrdinalIgnoreCase)))
            {
                return prefix;
            }
        }

        return null;
    }

    private void RecordFailure(string reason)
    {
        Interlocked.Increment(ref _remoteFailures);
        LogRemoteFailed(_logger, _remote.Name, reason);
        if (_breaker.RecordFailure())
        {
            LogCircuitOpened(_logger, _options.FailureThreshold, _options.BreakDuration);
        }
    }

    private void FallBack(IReadOnlyList<SentimentResult> local, List<int> uncertain, SentimentResult[] results, string cue)
    {
        Interlocked.Add(ref _fallbacks, uncertain.Count);
        foreach (int i in uncertain)
        {
            results[i] = WithCue(local[i], cue, local[i].Cues);
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        RemoteSentimentException { Status: { } status } => status.ToString(CultureInfo.InvariantCulture),
        RemoteSentimentException { ErrorCode: { } code } => code,
        TimeoutException => "timeout",

        // An HTTP attempt that timed out in the remote client (Azure.Core's network timeout, after its retries) arrives wrapped.
        RemoteSentimentException { InnerException: { } inner } when IsTimeout(inner) => "timeout",
        _ => ex.GetType().Name,
    };

    private static bool IsTimeout(Exception ex) => ex switch
    {
        TimeoutException or OperationCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsTimeout),
        _ => false,
    };

    private static SentimentResult WithCue(SentimentResult result, string cue, IReadOnlyList<string> cues) =>
        result with { Cues = [cue, .. cues] };

    private static string Cue(FormattableString cue) => cue.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Remote sentiment analyzer {Analyzer} failed ({Reason}); using the local result")]
    private static partial void LogRemoteFailed(ILogger logger, string analyzer, string reason);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Sentiment circuit opened after {Failures} consecutive remote failures; no remote calls for {BreakDuration}")]
    private static partial void LogCircuitOpened(ILogger logger, int failures, TimeSpan breakDuration);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Sentiment circuit closed: the remote analyzer answered again")]
    private static partial void LogCircuitClosed(ILogger logger);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Remote sentiment analyzer rejected {Count} documents ({ErrorCode}); using the local results for them")]
    private static partial void LogPartialFailure(ILogger logger, int count, string? errorCode);
}
