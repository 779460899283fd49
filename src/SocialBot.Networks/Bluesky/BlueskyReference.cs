using System.Text.Json;

namespace SocialBot.Networks.Bluesky;

/// <summary>The keys of a Bluesky mention's <c>networkReference</c>.</summary>
public static class BlueskyReference
{
    public const string Uri = "uri";
    public const string Cid = "cid";
    public const string RootUri = "rootUri";
    public const string RootCid = "rootCid";
    public const string AuthorDid = "authorDid";
    public const string AuthorHandle = "authorHandle";
}
