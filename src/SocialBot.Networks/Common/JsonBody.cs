using System.Net.Http.Headers;
using System.Text.Json;

namespace SocialBot.Networks.Common;

/// <summary>Request bodies written with <see cref="Utf8JsonWriter"/> (no reflection, no trimming surprises).</summary>
public static class JsonBody
{
    public static ByteArrayContent Create(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
