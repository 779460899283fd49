using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SocialBot.Core.Configuration;
using SocialBot.Core.Processing;

namespace SocialBot.Functions.Hosting;

/// <summary>
/// The custom-handler endpoints the Functions host calls: <c>POST /{FunctionName}</c> with <c>{Data, Metadata}</c>.
/// See docs/custom-handler.md: the trigger value arrives JSON-encoded twice, metadata values are strings, and the
/// response must always be a JSON object (an empty body hangs the invocation). A 2xx completes the message; a 500
/// makes the host retry and, after maxDequeueCount, poison it. A permanent failure is poisoned here, with its reason,
/// and answered 200 so the host deletes the original.
/// </summary>
internal static class CustomHandlerEndpoints
{
    public static IEndpointRouteBuilder MapCustomHandler(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Results.Json(new { status = "ready" }));
        endpoints.MapGet("/api/health", Telemetry.StorageHealth.CheckAsync);
        endpoints.MapPost($"/{FunctionDispatcher.TriageMention}", (HttpRequest request, FunctionDispatcher dispatcher, IPoisonQueue poison, SocialBotOptions options, TimeProvider time, CancellationToken cancellationToken) =>
            InvokeAsync(FunctionDispatcher.TriageMention, "mention", options.Queues.Mentions, request, dispatcher, poison, time, cancellationToken));
        endpoints.MapPost($"/{FunctionDispatcher.SendReply}", (HttpRequest request, FunctionDispatcher dispatcher, IPoisonQueue poison, SocialBotOptions options, TimeProvider time, CancellationToken cancellationToken) =>
            InvokeAsync(FunctionDispatcher.SendReply, "reply", options.Queues.Replies, request, dispatcher, poison, time, cancellationToken));
        return endpoints;
    }

    private static async Task<IResult> InvokeAsync(
        string function, string bindingName, string queueName, HttpRequest request, FunctionDispatcher dispatcher, IPoisonQueue poison, TimeProvider time, CancellationToken cancellationToken)
    {
        InvocationRequest invocation;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            invocation = InvocationRequest.Read(document.RootElement, bindingName);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or KeyNotFoundException)
        {
            return Reply(StatusCodes.Status400BadRequest, $"{function}: unreadable invocation request ({exception.Message})");
        }

        try
        {
            var result = await dispatcher.InvokeAsync(function, invocation.Message, cancellationToken);
            if (result.PoisonReason is { } reason)
            {
                await poison.SendAsync(queueName, new PoisonMessage
                {
                    Reason = reason,
                    Queue = queueName,
                    DequeueCount = invocation.DequeueCount,
                    PoisonedAt = time.GetUtcNow(),
                    Message = invocation.Message,
                }, cancellationToken);
            }

            return Reply(StatusCodes.Status200OK, result.Summary);
        }
#pragma warning disable CA1031 // Any failure is transient here: the host retries, then poisons.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return Reply(StatusCodes.Status500InternalServerError, $"{function} failed (attempt {invocation.DequeueCount.ToString(CultureInfo.InvariantCulture)}): {exception.GetType().Name}: {exception.Message}");
        }
    }

    /// <summary>PascalCase, as the host's own serializer writes it (the host also accepts any casing).</summary>
    private static readonly JsonSerializerOptions HostJson = new() { PropertyNamingPolicy = null };

    private static IResult Reply(int status, string log) =>
        Results.Json(new InvocationResult { Logs = [log] }, HostJson, statusCode: status);
}

/// <summary>The response body the Functions host reads: always a JSON object with Outputs, Logs and ReturnValue.</summary>
internal sealed record InvocationResult
{
    public Dictionary<string, object> Outputs { get; init; } = [];

    public List<string> Logs { get; init; } = [];

    public object? ReturnValue { get; init; }
}

/// <summary>The parts of the host's request SocialBot needs: the trigger message text and its dequeue count.</summary>
internal sealed record InvocationRequest(string Message, long DequeueCount)
{
    public static InvocationRequest Read(JsonElement root, string bindingName)
    {
        var data = Property(root, "Data");
        var value = Property(data, bindingName);
        var message = Unwrap(value);
        long dequeueCount = 1;
        if (TryProperty(root, "Metadata", out var metadata) && TryProperty(metadata, "DequeueCount", out var count))
        {
            dequeueCount = count.ValueKind == JsonValueKind.Number
                ? count.GetInt64()
                : long.Parse(Unwrap(count), NumberStyles.Integer, CultureInfo.InvariantCulture);
        }

        return new InvocationRequest(message, dequeueCount);
    }

    /// <summary>
    /// The host JSON-encodes a string trigger value before serialising the request, so the message text arrives as a
    /// JSON string whose content is itself a JSON string literal. Unwraps string layers until the text is no longer a
    /// quoted JSON string; an object value (dataType other than string) is returned as its JSON text.
    /// </summary>
    public static string Unwrap(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return value.GetRawText();
        }

        var text = value.GetString()!;
        for (var layer = 0; layer < 3; layer++)
        {
            var trimmed = text.Trim();
            if (trimmed.Length < 2 || trimmed[0] != '"' || trimmed[^1] != '"')
            {
                break;
            }

            try
            {
                using var inner = JsonDocument.Parse(trimmed);
                if (inner.RootElement.ValueKind != JsonValueKind.String)
                {
                    break;
                }

                text = inner.RootElement.GetString()!;
            }
            catch (JsonException)
            {
                break;
            }
        }

        return text;
    }

    private static JsonElement Property(JsonElement parent, string name) =>
        TryProperty(parent, name, out var value) ? value : throw new KeyNotFoundException($"'{name}' is missing");

    private static bool TryProperty(JsonElement parent, string name, out JsonElement value)
    {
        value = default;
        if (parent.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in parent.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }
}
