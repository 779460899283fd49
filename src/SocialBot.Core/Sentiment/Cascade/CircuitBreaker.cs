namespace SocialBot.Core.Sentiment.Cascade;

/// <summary>
/// Counts consecutive failures of the remote analyzer; after <c>threshold</c> of them it opens for the break duration,
/// then lets exactly one trial call through (half-open) which closes it on success or reopens it on failure.
/// </summary>
internal sealed class CircuitBreaker
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _threshold;
    private readonly TimeSpan _breakDuration;
    private CircuitState _state = CircuitState.Closed;
    private int _consecutiveFailures;
    private DateTimeOffset _openedAt;
    private bool _trialInFlight;

    public CircuitBreaker(int threshold, TimeSpan breakDuration, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(breakDuration, TimeSpan.Zero);
        _threshold = threshold;
        _breakDuration = breakDuration;
        _timeProvider = timeProvider;
    }

    public CircuitState State
    {
        get
        {
            lock (_gate)
            {
                return _state == CircuitState.Open && BreakIsOver() ? CircuitState.HalfOpen : _state;
            }
        }
    }

    /// <summary>Whether a remote call may go now; <paramref name="isTrial"/> tells the half-open trial apart.</summary>
    public bool TryAcquire(out bool isTrial)
    {
        lock (_gate)
        {
            isTrial = false;
            if (_state == CircuitState.Closed)
            {
                return true;
            }

            if (_state == CircuitState.Open)
            {
                if (!BreakIsOver())
                {
                    return false;
                }

                _state = CircuitState.HalfOpen;
            }

            if (_trialInFlight)
            {
                return false;
            }

            _trialInFlight = true;
            isTrial = true;
            return true;
        }
    }

    /// <summary>Records a healthy remote call; returns true when this closed an open or half-open circuit.</summary>
    public bool RecordSuccess()
    {
        lock (_gate)
        {
            bool wasBroken = _state != CircuitState.Closed;
            _consecutiveFailures = 0;
            _trialInFlight = false;
            _state = CircuitState.Closed;
            return wasBroken;
        }
    }

    /// <summary>Records a failed remote call; returns true when this opened the circuit.</summary>
    public bool RecordFailure()
    {
        lock (_gate)
        {
            _consecutiveFailures++;
            bool failedTrial = _state == CircuitState.HalfOpen;
            _trialInFlight = false;
            if (_state == CircuitState.Open || (!failedTrial && _consecutiveFailures < _threshold))
            {
                return false;
            }

            _state = CircuitState.Open;
            _openedAt = _timeProvider.GetUtcNow();
            return true;
        }
    }

    private bool BreakIsOver() => _timeProvider.GetUtcNow() - _openedAt >= _breakDuration;
}
