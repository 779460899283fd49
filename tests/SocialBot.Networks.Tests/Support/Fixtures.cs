using System.Text;
using Microsoft.AspNetCore.Http;

namespace SocialBot.Networks.Tests.Support;

/// <summary>Recorded API payloads (Fixtures/*.json) in the documented response shapes.</summary>
internal static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static async Task JsonAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, Encoding.UTF8);
    }
}
