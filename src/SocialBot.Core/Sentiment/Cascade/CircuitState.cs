namespace SocialBot.Core.Sentiment.Cascade;

/// <summary>State of the cascade's circuit breaker around the remote analyzer.</summary>
public enum CircuitState
{
    /// <summary>Remote calls flow.</summary>
    Closed,

    /// <summary>Too many consecutive failures: no remote calls until the break is over.</summary>
    Open,

    /// <summary>The break is over: the next remote call is a trial that closes or reopens the circuit.</summary>
    HalfOpen,
}
