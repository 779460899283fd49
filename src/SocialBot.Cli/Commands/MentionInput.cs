using SocialBot.Core.Mentions;

namespace SocialBot.Cli.Commands;

/// <summary>Reads a mention from <c>--mention FILE|-</c> and validates it, or fails with one line naming the file, field and problem.</summary>
internal static class MentionInput
{
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<(Mention Mention, string Json)> ReadAsync(string source, MentionParser parser, CliConsole console, CancellationToken cancellationToken)
    {
        string json;
        if (source == "-")
        {
            json = await console.Input.ReadToEndAsync(cancellationToken);
        }
        else if (!File.Exists(source))
        {
            throw new CliException($"--mention {source}: file not found");
        }
        else
        {
            var bytes = await File.ReadAllBytesAsync(source, cancellationToken);
            try
            {
                json = StrictUtf8.GetString(bytes);
            }
            catch (System.Text.DecoderFallbackException)
            {
                throw new CliException($"--mention {source}: invalid mention: $: not valid UTF-8");
            }

            json = json.TrimStart('\uFEFF');
        }

        var result = parser.Parse(json);
        if (!result.IsValid)
        {
            var name = source == "-" ? "stdin" : source;
            throw new CliException($"--mention {name}: invalid mention: {result.Describe()}");
        }

        return (result.Mention!, json);
    }
}
