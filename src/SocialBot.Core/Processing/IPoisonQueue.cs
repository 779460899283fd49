namespace SocialBot.Core.Processing;

/// <summary>Where messages that cannot be processed go, with the reason.</summary>
public interface IPoisonQueue
{
    Task SendAsync(string queueName, PoisonMessage message, CancellationToken cancellationToken = default);
}
