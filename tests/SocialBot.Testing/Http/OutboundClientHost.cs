using Microsoft.Extensions.DependencyInjection;
using SocialBot.Http;

namespace SocialBot.Testing.Http;

/// <summary>An outbound client registered as the app registers it (<see cref="OutboundHttp.AddOutboundHttpClient(IServiceCollection, string, OutboundHttpPolicy)"/>), on a given clock.</summary>
public sealed class OutboundClientHost : IDisposable
{
    private const string Name = "test";
    private readonly ServiceProvider _provider;

    public OutboundClientHost(TimeProvider time, OutboundHttpPolicy policy)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddOutboundHttpClient(Name, policy);
        _provider = services.BuildServiceProvider();
        Client = _provider.GetRequiredService<IHttpClientFactory>().CreateClient(Name);
    }

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        _provider.Dispose();
    }
}
