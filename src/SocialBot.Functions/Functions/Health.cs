using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SocialBot.Azure.Storage;

namespace SocialBot.Functions.Functions;

/// <summary><c>GET /api/health</c>: 200 <c>{"status":"healthy"}</c> when storage answers, else 503 with the reason.</summary>
public sealed class Health
{
    public const string Route = "api/health";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private readonly StorageClients _clients;

    public Health(StorageClients clients)
    {
        _clients = clients;
    }

    [Function(nameof(Health))]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout);
        try
        {
            await _clients.Queues.GetPropertiesAsync(limit.Token);
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
