using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SocialBot.Inbox;

/// <summary>The inbox's log events (ids 7001–7099). Agents' names are logged; customer text never is.</summary>
internal static partial class InboxLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Inbox sign-in refused for {Path}: {Problem}")]
    public static partial void SignInRefused(ILogger logger, PathString path, string problem);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Inbox: {Agent} {Action} handoff {HandoffId}")]
    public static partial void Acted(ILogger logger, string agent, string action, string handoffId);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Inbox: {Agent} was refused {Action} on handoff {HandoffId}: {Reason}")]
    public static partial void Refused(ILogger logger, string agent, string action, string handoffId, string reason);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Inbox: development sign-in used by {Agent} with roles {Roles}")]
    public static partial void DevSignIn(ILogger logger, string agent, string roles);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Inbox: {Agent} without the supervisor role asked for {Path}")]
    public static partial void NotSupervisor(ILogger logger, string agent, PathString path);
}
