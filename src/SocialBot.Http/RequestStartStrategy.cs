using Polly;

namespace SocialBot.Http;

/// <summary>
/// The first step of the pipeline: notes when the request started, so the retry step can tell whether a server's
/// <c>Retry-After</c> would end past <see cref="OutboundHttpPolicy.TotalTimeout"/> (then it gives up instead of waiting).
/// </summary>
internal sealed class RequestStartStrategy : ResilienceStrategy<HttpResponseMessage>
{
    public static readonly ResiliencePropertyKey<DateTimeOffset> DeadlineKey = new("SocialBot.Http.Deadline");

    private readonly TimeProvider _time;
    private readonly TimeSpan _total;

    public RequestStartStrategy(TimeProvider time, TimeSpan total)
    {
        _time = time;
        _total = total;
    }

    protected override ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state)
    {
        context.Properties.Set(DeadlineKey, _time.GetUtcNow() + _total);
        return callback(context, state);
    }
}
