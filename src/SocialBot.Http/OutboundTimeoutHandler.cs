using Polly.Timeout;

namespace SocialBot.Http;

/// <summary>
/// Turns the pipeline's timeouts into what <see cref="HttpClient"/> itself throws on a timeout (a
/// <see cref="TaskCanceledException"/> whose inner exception is a <see cref="TimeoutException"/>), so callers keep one
/// way of telling "no answer in time" from their own cancellation.
/// </summary>
internal sealed class OutboundTimeoutHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException exception)
        {
            var message = $"The request timed out after {exception.Timeout.TotalSeconds:0.###} s without an answer.";
            throw new TaskCanceledException(message, new TimeoutException(message, exception));
        }
    }
}
