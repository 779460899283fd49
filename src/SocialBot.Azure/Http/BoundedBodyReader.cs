using System.Buffers;

namespace SocialBot.Azure.Http;

/// <summary>
/// Reads a request body up to a per-endpoint cap and stops there: a declared <c>Content-Length</c> over the cap is
/// refused before a byte is read, and a chunked (or lying) body is refused as soon as it passes the cap, so an
/// anonymous caller can make the process hold at most <c>limit + 1</c> bytes per request. Host-independent: works
/// on ASP.NET Core's <c>HttpRequest.Body</c> and the isolated worker's <c>HttpRequestData.Body</c> alike.
/// </summary>
public static class BoundedBodyReader
{
    private const int ChunkSize = 16 * 1024;

    /// <param name="body">The request body stream.</param>
    /// <param name="declaredLength">The request's Content-Length header, if any.</param>
    /// <param name="limit">The largest body this endpoint accepts, in bytes.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<BoundedBody> ReadAsync(Stream body, long? declaredLength, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, Array.MaxLength - 1);
        if (declaredLength > limit)
        {
            return new BoundedBody(IsTooLarge: true, ReadOnlyMemory<byte>.Empty, limit);
        }

        // The buffer grows with what actually arrives (never beyond limit + 1), not with what the caller claims.
        var initial = (int)Math.Min(declaredLength is > 0 ? declaredLength.Value : ChunkSize, limit + 1L);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 1));
        var total = 0;
        try
        {
            while (true)
            {
                if (total == buffer.Length)
                {
                    var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, limit + 1L));
                    buffer.AsSpan(0, total).CopyTo(grown);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = grown;
                }

                // Never ask for more than one byte past the cap.
                var wanted = Math.Min(buffer.Length - total, limit + 1 - total);
                var read = await body.ReadAsync(buffer.AsMemory(total, wanted), cancellationToken);
                if (read == 0)
                {
                    return new BoundedBody(IsTooLarge: false, buffer.AsSpan(0, total).ToArray(), limit);
                }

                total += read;
                if (total > limit)
                {
                    return new BoundedBody(IsTooLarge: true, ReadOnlyMemory<byte>.Empty, limit);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
