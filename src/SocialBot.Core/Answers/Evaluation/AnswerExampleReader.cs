namespace SocialBot.Core.Answers.Evaluation;

/// <summary>
/// Reads a TSV <c>answerId&lt;TAB&gt;text</c> (the header line is optional; an empty answerId means "must not be
/// answered"). Blank lines and lines starting with <c>#</c> are skipped. A malformed file throws a
/// <see cref="FormatException"/> naming the file, the line and the problem.
/// </summary>
public static class AnswerExampleReader
{
    public static async Task<IReadOnlyList<AnswerExample>> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        var examples = new List<AnswerExample>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = i == 0 ? lines[i].TrimStart('\uFEFF') : lines[i];
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#')
                || (i == 0 && line.Replace(" ", "", StringComparison.Ordinal).Equals("answerId\ttext", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 2)
            {
                throw new FormatException($"{path}, line {i + 1}: expected answerId<TAB>text (an empty answerId for should-not-answer), found {columns.Length} column(s).");
            }

            if (string.IsNullOrWhiteSpace(columns[1]))
            {
                throw new FormatException($"{path}, line {i + 1}: the text is empty.");
            }

            var id = columns[0].Trim();
            examples.Add(new AnswerExample(id.Length == 0 ? null : id, columns[1], i + 1));
        }

        return examples;
    }
}
