using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocialBot.Azure.Tests.Language;

/// <summary>
/// An in-process Azure AI Language stand-in on 127.0.0.1: records every request and answers from a script, or,
/// when the script is empty, with a success result for every document (negative when the text says "late").
/// </summary>
internal sealed class FakeLanguageServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeLanguageServer(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeLanguageServer> StartAsync(X509Certificate2? certificate = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        WebApplication app = builder.Build();
        var server = new FakeLanguageServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Endpoint = new Uri(address);
        return server;
    }

    public static string Payload(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Language", "Payloads", name));

    public void Enqueue(int status, string body, params (string Name, string Value)[] headers) =>
        _script.Enqueue(new ScriptedResponse(status, body, headers));

    public void EnqueuePayload(int status, string payloadName, params (string Name, string Value)[] headers) =>
        Enqueue(status, Payload(payloadName), headers);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>A self-signed certificate for 127.0.0.1, for the https endpoint bearer tokens need.</summary>
    public static X509Certificate2 CreateLoopbackCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        string body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", headers, body));

        ScriptedResponse response = _script.TryDequeue(out ScriptedResponse? scripted) ? scripted : new ScriptedResponse(200, EchoSuccess(body), []);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        foreach ((string name, string value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(response.Body);
    }

    private static string EchoSuccess(string requestBody)
    {
        var documents = new JsonArray();
        foreach (JsonNode? document in JsonNode.Parse(requestBody)!["analysisInput"]!["documents"]!.AsArray())
        {
            bool negative = document!["text"]!.GetValue<string>().Contains("late", StringComparison.OrdinalIgnoreCase);
            documents.Add(new JsonObject
            {
                ["id"] = document["id"]!.GetValue<string>(),
                ["sentiment"] = negative ? "negative" : "positive",
                ["confidenceScores"] = new JsonObject
                {
                    ["positive"] = negative ? 0.03 : 0.95,
                    ["neutral"] = 0.02,
                    ["negative"] = negative ? 0.95 : 0.03,
                },
                ["sentences"] = new JsonArray(),
                ["warnings"] = new JsonArray(),
            });
        }

        var response = new JsonObject
        {
            ["kind"] = "SentimentAnalysisResults",
            ["results"] = new JsonObject { ["documents"] = documents, ["errors"] = new JsonArray(), ["modelVersion"] = "2025-01-01" },
        };
        return response.ToJsonString();
    }

    private sealed record ScriptedResponse(int Status, string Body, (string Name, string Value)[] Headers);
}

internal sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public IReadOnlyList<string> DocumentTexts =>
        [.. Json.GetProperty("analysisInput").GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("text").GetString()!)];
}
