namespace SocialBot.Networks.Meta;

/// <summary>Where a reply to a Facebook or Instagram comment goes.</summary>
public enum MetaReplyPolicy
{
    /// <summary>A public reply in the comment thread. A reply marked not public (it holds personal details) goes privately instead.</summary>
    Public,

    /// <summary>Only a private reply (Messenger / Instagram Direct, one per comment, within 7 days); nothing public.</summary>
    Private,

    /// <summary>The reply privately, plus a short public notice in the thread (<see cref="MetaOptions.PrivateReplyNotice"/>) without any details.</summary>
    PublicWithoutDetails,
}
