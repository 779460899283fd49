using System.Globalization;
using System.Text;

namespace SocialBot.Azure.BotConnector;

/// <summary>The Connector REST routes SocialBot uses, relative to an activity's serviceUrl.</summary>
internal static class ConnectorRoutes
{
    /// <summary><c>POST</c>: send an activity to a conversation.</summary>
    public const string SendToConversation = "v3/conversations/{0}/activities";

    /// <summary><c>POST</c>: reply to an activity.</summary>
    public const string ReplyToActivity = "v3/conversations/{0}/activities/{1}";

    private static readonly CompositeFormat SendToConversationFormat = CompositeFormat.Parse(SendToConversation);
    private static readonly CompositeFormat ReplyToActivityFormat = CompositeFormat.Parse(ReplyToActivity);

    /// <summary>The absolute URL, ids escaped; a reply route when <paramref name="activityId"/> is set.</summary>
    public static Uri Build(string serviceUrl, string conversationId, string? activityId)
    {
        var baseUri = new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute);
        var relative = activityId is null
            ? string.Format(CultureInfo.InvariantCulture, SendToConversationFormat, Uri.EscapeDataString(conversationId))
            : string.Format(CultureInfo.InvariantCulture, ReplyToActivityFormat, Uri.EscapeDataString(conversationId), Uri.EscapeDataString(activityId));
        return new Uri(baseUri, relative);
    }
}
