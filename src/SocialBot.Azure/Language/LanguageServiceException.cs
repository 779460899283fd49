using SocialBot.Core.Sentiment;
using SocialBot.Core.Sentiment.Cascade;

namespace SocialBot.Azure.Language;

/// <summary>
/// The one exception Azure AI Language calls throw: a non-2xx answer after retries (with the HTTP status and the
/// service's <c>error.code</c>, <c>error.message</c> and <c>innererror.code</c>), a network failure, or documents
/// the service rejected inside a 200 answer (status 200, <see cref="RemoteSentimentException.PartialResults"/> set).
/// </summary>
public sealed class LanguageServiceException : RemoteSentimentException
{
    public LanguageServiceException()
    {
    }

    public LanguageServiceException(string message)
        : base(message)
    {
    }

    public LanguageServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LanguageServiceException(
        string message,
        int? status,
        string? errorCode,
        string? innerErrorCode = null,
        IReadOnlyList<SentimentResult?>? partialResults = null,
        Exception? innerException = null)
        : base(message, status, errorCode, partialResults, innerException)
    {
        InnerErrorCode = innerErrorCode;
    }

    /// <summary>The service's <c>innererror.code</c>, e.g. <c>InvalidDocumentBatch</c> or <c>UnsupportedLanguageCode</c>.</summary>
    public string? InnerErrorCode { get; }
}
