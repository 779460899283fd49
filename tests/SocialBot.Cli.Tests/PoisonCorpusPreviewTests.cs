using System.Text;
using System.Text.Json;

namespace SocialBot.Cli.Tests;

/// <summary>
/// The bad-input corpus (tests/SocialBot.Functions.Tests/BadInputCorpus) through <c>socialbot preview --mention FILE</c>:
/// exit 2 with one line naming the problem for invalid mentions, exit 0 for valid ones. Queue-level cases (bodies that
/// are not base64, bytes that are not UTF-8) belong to the queue codec and are left to the Functions tests.
/// </summary>
public sealed class PoisonCorpusPreviewTests
{
    private readonly CliRunner _cli = new();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(CorpusPath()).Where(line => line.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("json", out _))
            {
                data.Add(document.RootElement.GetProperty("name").GetString()!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Preview_ShouldExitTwoWithTheReason_WhenTheCorpusCaseIsInvalid(string name)
    {
        // Arrange
        var (json, expectPoison, reason) = Load(name);
        var file = Path.Combine(Path.GetTempPath(), $"socialbot-corpus-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json, new UTF8Encoding(false));

        try
        {
            // Act
            var result = await _cli.RunAsync("preview", "--mention", file, "--at", "2026-11-23T21:15:00-05:00");

            // Assert
            if (expectPoison)
            {
                Assert.Equal(2, result.ExitCode);
                var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.Contains(file, line, StringComparison.Ordinal);
                Assert.Contains(reason!, line, StringComparison.Ordinal);
                Assert.True(line.Length < 2_000, "the error line should be short");
            }
            else
            {
                Assert.True(result.ExitCode == 0, result.Error);
                Assert.Equal(JsonValueKind.Object, result.Json.ValueKind);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static (string Json, bool ExpectPoison, string? Reason) Load(string name)
    {
        var line = File.ReadLines(CorpusPath()).First(l => l.Contains($"\"name\": \"{name}\"", StringComparison.Ordinal));
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var json = root.GetProperty("json").GetString()!;
        if (root.TryGetProperty("repeat", out var repeat))
        {
            var filler = new StringBuilder().Insert(0, repeat.GetProperty("text").GetString()!, repeat.GetProperty("count").GetInt32()).ToString();
            json = json.Replace(repeat.GetProperty("token").GetString()!, filler, StringComparison.Ordinal);
        }

        return (json, root.GetProperty("expect").GetString() == "poison", root.TryGetProperty("reason", out var reason) ? reason.GetString() : null);
    }

    private static string CorpusPath() =>
        Path.Combine(CliRunner.RepositoryRoot(), "tests", "SocialBot.Functions.Tests", "BadInputCorpus", "corpus.jsonl");
}
