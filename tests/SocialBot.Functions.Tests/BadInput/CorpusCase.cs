using System.Text;
using System.Text.Json;

namespace SocialBot.Functions.Tests.BadInput;

/// <summary>One case of the bad-input corpus (BadInputCorpus/corpus.jsonl; generate.py describes the fields).</summary>
public sealed record CorpusCase(string Name, bool ExpectPoison, string? Reason, string QueueBody, byte[]? Bytes, bool FitsQueue)
{
    public static IReadOnlyList<CorpusCase> Load()
    {
        var path = Path.Combine(AzuriteFixture.RepoRoot(), "tests", "SocialBot.Functions.Tests", "BadInputCorpus", "corpus.jsonl");
        return File.ReadLines(path).Where(line => line.Length > 0).Select(Parse).ToList();
    }

    public override string ToString() => Name;

    private static CorpusCase Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var name = root.GetProperty("name").GetString()!;
        var expectPoison = root.GetProperty("expect").GetString() == "poison";
        var reason = root.TryGetProperty("reason", out var r) ? r.GetString() : null;
        var fitsQueue = !root.TryGetProperty("queue", out var q) || q.GetBoolean();
        if (root.TryGetProperty("queueBody", out var queueBody))
        {
            return new CorpusCase(name, expectPoison, reason, queueBody.GetString()!, null, fitsQueue);
        }

        byte[] bytes;
        if (root.TryGetProperty("bytesBase64", out var raw))
        {
            bytes = Convert.FromBase64String(raw.GetString()!);
        }
        else
        {
            var json = root.GetProperty("json").GetString()!;
            if (root.TryGetProperty("repeat", out var repeat))
            {
                var unit = repeat.GetProperty("text").GetString()!;
                var filler = new StringBuilder().Insert(0, unit, repeat.GetProperty("count").GetInt32()).ToString();
                json = json.Replace(repeat.GetProperty("token").GetString()!, filler, StringComparison.Ordinal);
            }

            bytes = Encoding.UTF8.GetBytes(json);
        }

        return new CorpusCase(name, expectPoison, reason, Convert.ToBase64String(bytes), bytes, fitsQueue);
    }
}
