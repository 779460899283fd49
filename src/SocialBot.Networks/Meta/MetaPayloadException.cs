using System.Text.Json;

namespace SocialBot.Networks.Meta;

/// <summary>A change is malformed; the message names the field and never quotes customer text.</summary>
internal sealed class MetaPayloadException : Exception
{
    public MetaPayloadException()
    {
    }

    public MetaPayloadException(string message)
        : base(message)
    {
    }

    public MetaPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
