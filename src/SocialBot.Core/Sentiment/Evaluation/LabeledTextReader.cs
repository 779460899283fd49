namespace SocialBot.Core.Sentiment.Evaluation;

/// <summary>
/// Reads an evaluation TSV: a header line <c>label&lt;TAB&gt;text</c>, then one row per line with the label
/// <c>negative</c>, <c>neutral</c> or <c>positive</c>. Blank lines are skipped. A malformed file throws a
/// <see cref="FormatException"/> naming the file, the line number and the problem.
/// </summary>
public static class LabeledTextReader
{
    public static async Task<IReadOnlyList<LabeledText>> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(path);
        return await ReadAsync(reader, path, cancellationToken);
    }

    /// <param name="reader">The TSV text.</param>
    /// <param name="source">The name used in error messages (usually the file path).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async Task<IReadOnlyList<LabeledText>> ReadAsync(TextReader reader, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = await reader.ReadLineAsync(cancellationToken)
            ?? throw Problem(source, 1, "the file is empty; expected the header 'label<TAB>text'");
        var columns = header.TrimStart('\uFEFF').Split('\t');
        if (columns.Length != 2 || !columns[0].Trim().Equals("label", StringComparison.OrdinalIgnoreCase)
            || !columns[1].Trim().Equals("text", StringComparison.OrdinalIgnoreCase))
        {
            throw Problem(source, 1, "expected the header 'label<TAB>text'");
        }

        var rows = new List<LabeledText>();
        var number = 1;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                throw Problem(source, number, "no tab between the label and the text");
            }

            var label = line[..tab];
            if (!SentimentLabels.TryParse(label, out var parsed) || parsed == SentimentLabel.Mixed)
            {
                throw Problem(source, number, $"unknown label '{label}' (expected negative, neutral or positive)");
            }

            var text = line[(tab + 1)..];
            if (string.IsNullOrWhiteSpace(text))
            {
                throw Problem(source, number, "the text is empty");
            }

            rows.Add(new LabeledText { Label = parsed, Text = text });
        }

        return rows;
    }

    private static FormatException Problem(string source, int line, string problem) =>
        new($"{source}, line {line}: {problem}.");
}
