namespace SocialBot.Azure.Http;

/// <summary>What <see cref="BoundedBodyReader"/> read: the body, or that it was larger than the endpoint's cap.</summary>
public readonly record struct BoundedBody(bool IsTooLarge, ReadOnlyMemory<byte> Content, int Limit)
{
    /// <summary>A message for a 413 answer; names the cap, not the body.</summary>
    public string TooLargeMessage => $"the request body is larger than {Limit} bytes";
}
