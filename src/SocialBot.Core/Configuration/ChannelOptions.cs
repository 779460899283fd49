namespace SocialBot.Core.Configuration;

/// <summary>One entry of the <c>SocialBot:Channels</c> dictionary (validated by <see cref="Channels.ChannelCatalog"/>).</summary>
public sealed class ChannelOptions
{
    /// <summary>Longest reply the channel accepts, counted as the channel counts.</summary>
    public int? MaxReplyLength { get; set; }

    /// <summary>Whether posts on the channel are public unless the mention says otherwise.</summary>
    public bool? IsPublic { get; set; }
}
