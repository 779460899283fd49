namespace SocialBot.Core.Processing;

/// <summary>How reserving an automatic acknowledgement ended.</summary>
public enum AcknowledgementReservation
{
    /// <summary>Reserved: queue the acknowledgement.</summary>
    Reserved,

    /// <summary>Another delivery changed the author's acknowledgement since it was read: read again and decide again.</summary>
    Conflict,

    /// <summary>The author already had the most automatic replies allowed today: send none.</summary>
    DailyLimitReached,
}
