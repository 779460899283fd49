using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Answers;
using SocialBot.Core.Answers.Evaluation;
using SocialBot.Core.Mentions;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Triage;

namespace SocialBot.Cli.Commands;

/// <summary><c>socialbot answers test</c> and <c>socialbot eval answers</c>: try and measure the quick answers.</summary>
internal static class AnswersCommand
{
    private const int Shown = 5;

    public static Command Create(CliConsole console, CliServices services)
    {
        var textArgument = new Argument<string>("text") { Description = "What a customer might write." };
        var atOption = CliOptions.At();
        var channelOption = new Option<string>("--channel") { Description = "The channel of the pretend mention (default twitter).", DefaultValueFactory = _ => "twitter" };
        var privateOption = new Option<bool>("--private") { Description = "Pretend the mention is private (entries with Public: false may answer)." };
        var test = new Command("test", "Show the best knowledge-list entries for a text, with scores, and the reply SocialBot would send.");
        test.Arguments.Add(textArgument);
        test.Options.Add(atOption);
        test.Options.Add(channelOption);
        test.Options.Add(privateOption);
        test.SetAction(async (parseResult, cancellationToken) =>
        {
            var text = parseResult.GetValue(textArgument)!;
            if (string.IsNullOrWhiteSpace(text) || text.Length > MentionParser.MaxTextLength)
            {
                throw new CliException($"text: must be 1..{MentionParser.MaxTextLength} characters");
            }

            using var provider = services.Build(parseResult.GetValue(CliOptions.Config), cloud: false);
            var at = CliOptions.ParseInstant(parseResult.GetValue(atOption), provider.GetRequiredService<TimeProvider>());
            var channel = parseResult.GetValue(channelOption)!.Trim().ToLowerInvariant();
            if (!provider.GetRequiredService<Core.Channels.ChannelCatalog>().TryGet(channel, out _))
            {
                throw new CliException($"--channel: '{channel}' is not a known channel");
            }

            var mention = new Mention
            {
                Id = "answers-test",
                Channel = channel,
                ConversationId = "answers-test",
                Author = new MentionAuthor { Id = "answers-test" },
                Text = text,
                ReceivedAt = at,
                IsPublic = !parseResult.GetValue(privateOption),
            };
            var decision = await provider.GetRequiredService<TriagePolicy>().DecideAsync(mention, at, ConversationHistory.Empty, cancellationToken);
            var negative = decision.Sentiment?.IsNegative == true;
            var lookup = provider.GetRequiredService<QuickAnswers>().Find(mention, negative, at, cancellationToken);
            var view = new AnswersTestView
            {
                Matcher = lookup?.Matcher ?? provider.GetRequiredService<QuickAnswers>().MatcherName,
                Staffed = decision.Staffed,
                Negative = negative,
                Entries = lookup?.Ranked.Take(Shown).ToArray() ?? [],
                AnswerId = lookup?.Answer?.EntryId,
                AnswerScore = lookup?.Answer?.Score,
                Why = lookup?.Trace ?? "no quick answers configured (SocialBot:Answers:Entries is empty or Enabled is false)",
                Reply = decision.Reply?.Text,
                ReplyIncludesAnswer = decision.Answer is not null,
            };
            if (CliOptions.IsText(parseResult))
            {
                var o = console.Output;
                o.WriteLine($"Matcher {view.Matcher}; {(view.Staffed ? "staffed" : "after hours")}; {(view.Negative ? "negative" : "not negative")}");
                foreach (var entry in view.Entries)
                {
                    o.WriteLine($"  {entry.Score.ToString("0.000", CultureInfo.InvariantCulture)}  {entry.EntryId}");
                }

                o.WriteLine(view.Why);
                o.WriteLine(view.Reply is null ? "Reply: none" : $"Reply: {view.Reply}");
            }
            else
            {
                console.WriteJson(view);
            }

            return 0;
        });
        var command = new Command("answers", "Quick answers from the knowledge list (SocialBot:Answers).");
        command.Subcommands.Add(test);
        return command;
    }

    /// <summary><c>socialbot eval answers --data FILE.tsv</c>.</summary>
    public static Command Eval(CliConsole console, CliServices services)
    {
        var dataOption = new Option<string>("--data") { Description = "A TSV answerId<TAB>text; an empty answerId means the text must not be answered.", Required = true };
        var atOption = CliOptions.At();
        var command = new Command("answers", "Measure quick answers on a development set: precision, recall, wrongly answered rate.");
        command.Options.Add(dataOption);
        command.Options.Add(atOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var data = parseResult.GetValue(dataOption)!;
            if (!File.Exists(data))
            {
                throw new CliException($"--data {data}: file not found");
            }

            IReadOnlyList<AnswerExample> examples;
            try
            {
                examples = await AnswerExampleReader.ReadFileAsync(data, cancellationToken);
            }
            catch (FormatException exception)
            {
                throw new CliException(exception.Message, exception);
            }

            using var provider = services.Build(parseResult.GetValue(CliOptions.Config), cloud: false);
            var known = provider.GetRequiredService<AnswerKnowledge>().Entries.Select(entry => entry.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (examples.FirstOrDefault(example => example.AnswerId is { } id && !known.Contains(id)) is { } unknown)
            {
                throw new CliException($"--data {data}, line {unknown.Line}: '{unknown.AnswerId}' is not an entry of SocialBot:Answers");
            }

            var at = CliOptions.ParseInstant(parseResult.GetValue(atOption), provider.GetRequiredService<TimeProvider>());
            var report = await AnswerEvaluator.EvaluateAsync(
                provider.GetRequiredService<QuickAnswers>(), provider.GetRequiredService<ISentimentAnalyzer>(), examples, at, cancellationToken);
            if (CliOptions.IsText(parseResult))
            {
                var o = console.Output;
                o.WriteLine($"{report.N} texts ({report.Answerable} answerable, {report.ShouldNotAnswer} should not be answered), matcher {report.Matcher}");
                o.WriteLine($"precision {report.Precision:F3}, recall {report.Recall:F3}, wrongly answered {report.WronglyAnsweredRate:F3}; {report.MicrosecondsPerMention} µs per mention");
                foreach (var mistake in report.Mistakes)
                {
                    o.WriteLine($"  line {mistake.Line}: expected {mistake.Expected ?? "-"}, gave {mistake.Given ?? "-"} (best {mistake.Best} {mistake.BestScore:F2}{(mistake.Negative ? ", negative" : "")}): {mistake.Text}");
                }
            }
            else
            {
                console.WriteJson(report);
            }

            return 0;
        });
        return command;
    }
}

internal sealed record AnswersTestView
{
    public required string Matcher { get; init; }

    public required bool Staffed { get; init; }

    public required bool Negative { get; init; }

    public required IReadOnlyList<AnswerCandidate> Entries { get; init; }

    public string? AnswerId { get; init; }

    public double? AnswerScore { get; init; }

    public required string Why { get; init; }

    /// <summary>What SocialBot would send at that instant (an acknowledgement after hours, the answer alone while staffed), or null.</summary>
    public string? Reply { get; init; }

    public required bool ReplyIncludesAnswer { get; init; }
}
