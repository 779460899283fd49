using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Embeddings;
using SocialBot.Core.Sentiment;
using SocialBot.Models.Sentiment;

namespace SocialBot.Cli.Commands;

/// <summary>
/// <c>socialbot train sentiment</c>: trains the hybrid head on the training files (seeded split, validation-chosen
/// settings) and writes the weights with the data files' SHA-256 in them.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CliConsole console, CliServices services)
    {
        var dataOption = new Option<string>("--data-dir") { Description = "The folder with train-goemotions.tsv and train-dynasent.tsv (../shared/data/sentiment).", Required = true };
        var outOption = new Option<string>("--out") { Description = "Where to write the weights JSON (src/SocialBot.Models/Sentiment/hybrid-head.json to ship them).", Required = true };
        var seedOption = new Option<int>("--seed") { Description = "Seed of the train/validation split.", DefaultValueFactory = _ => 17 };
        var maxOption = new Option<int?>("--max-rows-per-file") { Description = "Use only this many (shuffled) rows per file: a quick deterministic subset." };
        var epochsOption = new Option<int>("--epochs") { Description = "Full-batch optimiser steps.", DefaultValueFactory = _ => 300 };
        var cacheOption = new Option<string?>("--cache") { Description = "Embedding cache file, so a retrain does not embed again (default .cache/sentiment-embeddings.bin; 'none' for no cache)." };
        var sentiment = new Command("sentiment", "Train the hybrid sentiment head (embedding + lexicon features).");
        sentiment.Options.Add(dataOption);
        sentiment.Options.Add(outOption);
        sentiment.Options.Add(seedOption);
        sentiment.Options.Add(maxOption);
        sentiment.Options.Add(epochsOption);
        sentiment.Options.Add(cacheOption);
        sentiment.SetAction(async (parseResult, cancellationToken) =>
        {
            var dataDirectory = parseResult.GetValue(dataOption)!;
            if (!Directory.Exists(dataDirectory))
            {
                throw new CliException($"--data-dir {dataDirectory}: folder not found");
            }

            var epochs = parseResult.GetValue(epochsOption);
            if (epochs is < 1 or > 10_000)
            {
                throw new CliException("--epochs must be between 1 and 10000");
            }

            var cache = parseResult.GetValue(cacheOption) ?? Path.Combine(".cache", "sentiment-embeddings.bin");
            var max = parseResult.GetValue(maxOption);
            var seed = parseResult.GetValue(seedOption);
            var options = new HybridTrainingOptions
            {
                DataDirectory = dataDirectory,
                Seed = seed,
                MaxRowsPerFile = max,
                Epochs = epochs,
                CachePath = cache == "none" ? null : cache,
                Command = string.Create(CultureInfo.InvariantCulture, $"socialbot train sentiment --data-dir <sentiment data> --seed {seed} --epochs {epochs}{(max is { } m ? $" --max-rows-per-file {m}" : "")}"),
            };
            using var provider = services.Build(parseResult.GetValue(CliOptions.Config), cloud: false);
            var trainer = new HybridTrainer(
                provider.GetRequiredService<ITextEmbedder>(),
                provider.GetRequiredKeyedService<ISentimentAnalyzer>("embedded") as EmbeddedSentimentAnalyzer ?? new EmbeddedSentimentAnalyzer(),
                console.Error);
            var stopwatch = Stopwatch.StartNew();
            HybridHead head;
            try
            {
                head = await trainer.TrainAsync(options, cancellationToken);
            }
            catch (Exception exception) when (exception is FileNotFoundException or FormatException)
            {
                throw new CliException(exception.Message, exception);
            }

            var output = parseResult.GetValue(outOption)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await using (var stream = File.Create(output))
            {
                head.Save(stream);
            }

            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {output} in {stopwatch.Elapsed.TotalSeconds:F0} s"));
            console.WriteJson(head.Training);
            return 0;
        });
        var command = new Command("train", "Train SocialBot's models from data files.");
        command.Subcommands.Add(sentiment);
        return command;
    }
}
