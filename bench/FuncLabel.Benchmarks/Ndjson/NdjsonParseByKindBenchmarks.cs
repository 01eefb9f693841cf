using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ndjson;

namespace FuncLabel.Benchmarks.Ndjson;

/// <summary>
/// Where the import's time goes: the lines of <see cref="PrelabelNdjsonGenerator"/> (seed 42, 20,000 lines) split by
/// kind (boxes, polygons, global classifications), the first <see cref="LinesPerKind"/> of each, read three ways — a raw <see cref="Utf8JsonReader"/> pass, the
/// syntax reader alone (<see cref="NdjsonLineParser"/>: types checked, numbers parsed, names interned) and the whole
/// parse + validate. Mean and Allocated are per line of that kind.
/// </summary>
[MemoryDiagnoser]
public class NdjsonParseByKindBenchmarks
{
    private const int LinesPerKind = 2_000;
    private byte[][] _lines = [];
    private NdjsonReaderOptions _options = null!;
    private NdjsonLineParser _parser = null!;
    private RawAnnotation _raw = null!;

    /// <summary>Which lines: <c>bbox</c>, <c>polygon</c> or <c>classification</c> (neither shape).</summary>
    [Params("bbox", "polygon", "classification")]
    public string Kind { get; set; } = "bbox";

    [GlobalSetup]
    public void Setup()
    {
        var extent = AssetExtent.Image(PrelabelNdjsonGenerator.ImageWidth, PrelabelNdjsonGenerator.ImageHeight);
        _options = new NdjsonReaderOptions(PrelabelNdjsonGenerator.Ontology, "bench") { ExtentOf = _ => extent };
        _parser = new NdjsonLineParser(new KnownStrings(_options.Ontology));
        _raw = new RawAnnotation();
        var all = PrelabelNdjsonGenerator.Generate(seed: 42, lines: 20_000);
        var lines = new List<byte[]>();
        foreach (var range in all.AsSpan().Split((byte)'\n'))
        {
            var line = all.AsSpan(range);
            var kind = line.IndexOf("\"bbox\""u8) >= 0 ? "bbox" : line.IndexOf("\"polygon\""u8) >= 0 ? "polygon" : "classification";
            if (!line.IsEmpty && kind == Kind && lines.Count < LinesPerKind)
            {
                lines.Add(line.ToArray());
            }
        }

        _lines = lines.Count == LinesPerKind ? [.. lines] : throw new InvalidOperationException($"Only {lines.Count} {Kind} lines.");
        Console.WriteLine($"// {Kind}: {_lines.Length} lines, {_lines.Sum(l => l.Length) / (double)_lines.Length:F1} bytes/line");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = LinesPerKind)]
    public int RawUtf8JsonReader_Tokens()
    {
        var tokens = 0;
        foreach (var line in _lines)
        {
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens / _lines.Length;
    }

    [Benchmark(OperationsPerInvoke = LinesPerKind)]
    public int Parse_Only()
    {
        var parsed = 0;
        foreach (var line in _lines)
        {
            _raw.Reset();
            if (_parser.TryParse(line, _raw, out _))
            {
                parsed++;
            }
        }

        return parsed == _lines.Length ? parsed : throw new InvalidOperationException("A generated line failed to parse.");
    }

    [Benchmark(OperationsPerInvoke = LinesPerKind)]
    public int ParseAndValidate_Lines()
    {
        var reader = new NdjsonPrelabelReader(_options);
        var accepted = 0;
        for (var i = 0; i < _lines.Length; i++)
        {
            if (reader.ParseLine(_lines[i], i + 1)?.Record is not null)
            {
                accepted++;
            }
        }

        return accepted == _lines.Length ? accepted : throw new InvalidOperationException("A generated line was refused.");
    }
}
