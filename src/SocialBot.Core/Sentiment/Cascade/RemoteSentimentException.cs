namespace SocialBot.Core.Sentiment.Cascade;

/// <summary>
/// A remote sentiment service failed. Adapters derive their one exception type from it so the cascade can say why
/// it fell back (<see cref="Status"/>, <see cref="ErrorCode"/>) without depending on the adapter.
/// </summary>
/// <remarks>
/// When the service answered but rejected some documents of a batch, <see cref="PartialResults"/> holds the results
/// in input order with <see langword="null"/> for each failed document; the service itself is healthy then.
/// </remarks>
public class RemoteSentimentException : Exception
{
    public RemoteSentimentException()
    {
    }

    public RemoteSentimentException(string message)
        : base(message)
    {
    }

    public RemoteSentimentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RemoteSentimentException(string message, int? status, string? errorCode, IReadOnlyList<SentimentResult?>? partialResults = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        PartialResults = partialResults;
    }

    /// <summary>HTTP status of the failed call, when there was one (200 for per-document failures).</summary>
    public int? Status { get; }

    /// <summary>The service's error code, for example <c>TooManyRequests</c> or <c>InvalidDocument</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>Results in input order, <see langword="null"/> where a document failed; <see langword="null"/> when the whole call failed.</summary>
    public IReadOnlyList<SentimentResult?>? PartialResults { get; }
}
