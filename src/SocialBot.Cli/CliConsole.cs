using System.Text.Json;
using SocialBot.Core.Serialization;

namespace SocialBot.Cli;

/// <summary>Where a command reads and writes: the real console, or writers a test provides.</summary>
internal sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, TextReader input)
    {
        Output = output;
        Error = error;
        Input = input;
    }

    public static CliConsole System => new(Console.Out, Console.Error, Console.In) { Interactive = !Console.IsErrorRedirected };

    /// <summary>Whether a person watches stderr (progress bars are drawn only then).</summary>
    public bool Interactive { get; init; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public TextReader Input { get; }

    public void WriteJson<T>(T value)
    {
        Output.WriteLine(JsonSerializer.Serialize(value, SocialBotJson.Indented));
    }
}
