using System.Diagnostics;
using Microsoft.Playwright;

namespace SocialBot.Testing.Inbox;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium) driven by Playwright: never a downloaded browser. When the executable is
/// missing it is installed with <c>apt-get install -y chromium</c> (as root), which is also the line CI runs first.
/// Each launch gets Playwright's fresh temporary profile (a new user-data-dir); every browser context is isolated.
/// </summary>
public sealed class SystemChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly IReadOnlyList<string> Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;

    private SystemChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<SystemChromium> LaunchAsync()
    {
        await EnsureInstalledAsync();
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = [.. Arguments],
                Timeout = 60_000,
            });
            return new SystemChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh context (its own cookies) with a laptop-sized viewport.</summary>
    public Task<IBrowserContext> NewContextAsync(Uri baseAddress) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1366, Height = 800 },
            Locale = "en-US",
            TimezoneId = "America/New_York",
        });

    public static async Task EnsureInstalledAsync()
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }

        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium package (sudo apt-get install -y chromium)");
        }

        foreach (var arguments in new[] { "update", "install -y chromium" })
        {
            var start = new ProcessStartInfo("apt-get", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            using var process = Process.Start(start) ?? throw new InvalidOperationException("apt-get did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"apt-get {arguments} failed ({process.ExitCode}): {await output}{await error}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
