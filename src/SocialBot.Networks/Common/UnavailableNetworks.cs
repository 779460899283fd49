using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Replies;
using SocialBot.Networks.Meta;

namespace SocialBot.Networks.Common;

/// <summary>
/// A social network that is off (no credentials configured): its replies fall back to the local outbox, and this says
/// so (<c>x: no credentials configured (SocialBot:Networks:X)</c>) in <c>socialbot replies list</c> and the trace.
/// </summary>
internal sealed class UnavailableNetwork : IUnavailableReplyChannel
{
    private readonly string _network;
    private readonly string _section;
    private readonly Func<string, bool> _isOwnChannel;

    public UnavailableNetwork(string network, string section, Func<string, bool> isOwnChannel)
    {
        _network = network;
        _section = section;
        _isOwnChannel = isOwnChannel;
    }

    public string? Explain(OutgoingReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return _isOwnChannel(reply.Channel) ? $"{_network}: no credentials configured ({_section})" : null;
    }
}

internal static class UnavailableNetworks
{
    /// <summary>Registers an <see cref="UnavailableNetwork"/> for each network of <see cref="NetworkCatalog"/> (and Meta) that has no credentials.</summary>
    public static IServiceCollection AddUnavailableNetworks(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var (name, section, configured) in NetworkCatalog.Describe(configuration))
        {
            if (!configured)
            {
                Func<string, bool> isOwnChannel = name == X.XApi.Network
                    ? channel => X.XReplyChannel.IsXChannel(channel)
                    : channel => string.Equals(channel, name, StringComparison.OrdinalIgnoreCase);
                services.AddSingleton<IUnavailableReplyChannel>(new UnavailableNetwork(name, section, isOwnChannel));
            }
        }

        if (!MetaRegistration.IsConfigured(configuration.GetSection(MetaOptions.SectionName)))
        {
            services.AddSingleton<IUnavailableReplyChannel>(new UnavailableNetwork("meta", MetaOptions.SectionName, MetaChannels.IsMeta));
        }

        return services;
    }
}
