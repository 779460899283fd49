using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using SocialBot.Testing.Networks;

namespace SocialBot.FakeNetworks;

/// <summary>
/// Starts the three fake networks on free loopback ports with credentials made up at start, writes the settings that
/// point SocialBot at them to an env file (<c>--env-file PATH</c>, shell <c>export</c> lines), optionally serves a few
/// scripted customer mentions (<c>--seed</c>), and runs until Ctrl+C or SIGTERM.
/// </summary>
internal static class FakeNetworksProgram
{
    /// <summary>One scripted customer mention per network; the X one is negative (an urgent handoff as well as the acknowledgement).</summary>
    private static readonly (string Network, string Text, string Handle, string Name)[] Seeds =
    [
        ("x", "@MarketHall my order #4417 never arrived and nobody answers the phone. Really fed up with this", "dscully", "Dana Scully"),
        ("bluesky", "@markethall.bsky.social where is my parcel? I ordered last week and have no tracking number", "fox.bsky.social", "Fox"),
        ("mastodon", "@markethall can I still change the delivery address of my order?", "walter@social.example", "Walter"),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? envFile = null;
        var seed = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--env-file" when i + 1 < args.Length:
                    envFile = args[++i];
                    break;
                case "--seed":
                    seed = true;
                    break;
                default:
                    await error.WriteLineAsync($"fake-networks: unknown argument '{args[i]}' (expected --env-file PATH, --seed)");
                    return 2;
            }
        }

        await using var networks = await Testing.Networks.FakeNetworks.StartAsync(randomCredentials: true);
        if (seed)
        {
            foreach (var (network, text, handle, name) in Seeds)
            {
                networks.All.Single(fake => fake.Network == network).AddMention(text, handle, name);
            }
        }

        foreach (var network in networks.All)
        {
            await output.WriteLineAsync($"fake {network.Network,-8} {network.BaseUrl}  (GET {network.BaseUrl}/_fake/mentions, /_fake/posts, /_fake/requests)");
        }

        if (envFile is not null)
        {
            await File.WriteAllTextAsync(envFile, EnvFile(networks), new UTF8Encoding(false));
        }

        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await stopped.Task;
        if (envFile is not null)
        {
            File.Delete(envFile);
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopped.TrySetResult();
        }
    }

    /// <summary>
    /// <c>export</c> lines: the SocialBot settings (the configuration keys with <c>__</c>, as the host reads environment
    /// variables) and <c>FAKE_X_URL</c>, <c>FAKE_BLUESKY_URL</c>, <c>FAKE_MASTODON_URL</c> for the script.
    /// </summary>
    private static string EnvFile(Testing.Networks.FakeNetworks networks)
    {
        var lines = new StringBuilder();
        foreach (var (key, value) in networks.Settings())
        {
            lines.Append(CultureInfo.InvariantCulture, $"export {key.Replace(":", "__", StringComparison.Ordinal)}='{value}'\n");
        }

        foreach (var network in networks.All)
        {
            lines.Append(CultureInfo.InvariantCulture, $"export FAKE_{network.Network.ToUpperInvariant()}_URL='{network.BaseUrl}'\n");
        }

        return lines.ToString();
    }
}
