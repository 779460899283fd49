using Azure;
using SocialBot.Azure.Storage;

namespace SocialBot.Functions.Telemetry;

/// <summary><c>GET /api/health</c>: 200 <c>{"status":"healthy"}</c> when storage answers, else 503 with the reason.</summary>
internal static class StorageHealth
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static async Task<IResult> CheckAsync(StorageClients clients, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout);
        try
        {
            await clients.Queues.GetPropertiesAsync(limit.Token);
            return Results.Json(new { status = "healthy" });
        }
        catch (RequestFailedException exception)
        {
            return Unhealthy($"storage answered {exception.Status} ({exception.ErrorCode ?? exception.InnerException?.Message ?? "no error code"})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unhealthy($"storage did not answer within {Timeout.TotalSeconds} s");
        }
        catch (AggregateException exception)
        {
            return Unhealthy($"storage is not reachable ({exception.InnerException?.Message})");
        }
    }

    private static IResult Unhealthy(string reason) =>
        Results.Json(new { status = "unhealthy", reason }, statusCode: StatusCodes.Status503ServiceUnavailable);
}
