using System.Globalization;

namespace SocialBot.LoadTest;

/// <summary>Command line: <c>--rate 50 --count 1000 [--scenario sustained|drain|both|idle|startup] [--app APP.dll] [--raw-count N] [--connection CS] [--timeout SECONDS]</c>.</summary>
internal sealed record LoadTestOptions
{
    public double Rate { get; init; } = 50;

    public int Count { get; init; } = 1000;

    /// <summary>Messages for the raw Azurite measurement; defaults to <see cref="Count"/>.</summary>
    public int RawCount { get; init; }

    public string Scenario { get; init; } = "both";

    /// <summary>For <c>--scenario startup</c>: the app's dll, started as its own process.</summary>
    public string? App { get; init; }

    /// <summary>An existing storage account or Azurite; when absent the tool starts its own Azurite on free loopback ports.</summary>
    public string? Connection { get; init; }

    /// <summary>Upper bound for the whole run; the tool stops itself and reports what it saw.</summary>
    public TimeSpan Timeout { get; init; }

    public bool RunsSustained => Scenario is "sustained" or "both";

    public bool RunsDrain => Scenario is "drain" or "both";

    public static LoadTestOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadTestOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{name} needs a value");
            i++;
            options = name switch
            {
                "--rate" => options with { Rate = Positive(name, double.Parse(value, CultureInfo.InvariantCulture)) },
                "--count" => options with { Count = (int)Positive(name, int.Parse(value, CultureInfo.InvariantCulture)) },
                "--raw-count" => options with { RawCount = (int)Positive(name, int.Parse(value, CultureInfo.InvariantCulture)) },
                "--scenario" => options with { Scenario = value is "sustained" or "drain" or "both" or "idle" or "startup" ? value : throw new ArgumentException("--scenario must be sustained, drain, both, idle or startup") },
                "--app" => options with { App = Path.GetFullPath(value) },
                "--connection" => options with { Connection = value },
                "--timeout" => options with { Timeout = TimeSpan.FromSeconds(Positive(name, double.Parse(value, CultureInfo.InvariantCulture))) },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        return options with
        {
            RawCount = options.RawCount > 0 ? options.RawCount : options.Count,
            Timeout = options.Timeout > TimeSpan.Zero ? options.Timeout : TimeSpan.FromSeconds(300 + (2 * options.Count / options.Rate)),
        };
    }

    private static double Positive(string name, double value) =>
        value > 0 ? value : throw new ArgumentException($"{name} must be positive, not {value.ToString(CultureInfo.InvariantCulture)}");
}
