using System.Net;

namespace SocialBot.Azure.BotConnector;

/// <summary>The Connector answered with a non-success status: carries the status and the ErrorResponse code.</summary>
public sealed class BotConnectorException : Exception
{
    public BotConnectorException()
    {
    }

    public BotConnectorException(string message)
        : base(message)
    {
    }

    public BotConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BotConnectorException(HttpStatusCode statusCode, string? errorCode, string? operationId, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        OperationId = operationId;
    }

    public BotConnectorException(HttpStatusCode statusCode, string? errorCode, string? operationId, string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        OperationId = operationId;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>error.code</c> of the Connector's ErrorResponse, when it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The <c>X-Correlating-OperationId</c> header, for support requests.</summary>
    public string? OperationId { get; }
}
