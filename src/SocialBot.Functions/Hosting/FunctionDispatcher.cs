using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Processing;

namespace SocialBot.Functions.Hosting;

/// <summary>Runs a queue function's body by name; both the custom-handler endpoints and the standalone listeners call it.</summary>
internal sealed class FunctionDispatcher
{
    public const string TriageMention = "TriageMention";
    public const string SendReply = "SendReply";
    public const string NotifyEscalation = "NotifyEscalation";

    private readonly IServiceProvider _services;

    public FunctionDispatcher(IServiceProvider services)
    {
        _services = services;
    }

    public Task<ProcessingResult> InvokeAsync(string functionName, string message, CancellationToken cancellationToken) => functionName switch
    {
        TriageMention => _services.GetRequiredService<TriageMentionProcessor>().ProcessAsync(message, cancellationToken),
        SendReply => _services.GetRequiredService<SendReplyProcessor>().ProcessAsync(message, cancellationToken),
        NotifyEscalation => _services.GetRequiredService<NotifyEscalationProcessor>().ProcessAsync(message, cancellationToken),
        _ => throw new InvalidOperationException($"No function named {functionName}"),
    };
}
