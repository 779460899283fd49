using System.Text;
using Microsoft.AspNetCore.Http;

namespace SocialBot.Testing.Networks;

/// <summary>Writes a fake API's JSON answer.</summary>
public static class FakeApiAnswer
{
    public static async Task JsonAsync(HttpContext context, int status, string body, IDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, Encoding.UTF8);
    }
}
