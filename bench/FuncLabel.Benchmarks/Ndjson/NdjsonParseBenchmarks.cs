using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ndjson;

namespace FuncLabel.Benchmarks.Ndjson;

/// <summary>
/// NDJSON pre-label import throughput on <see cref="PrelabelNdjsonGenerator"/> output (seed 42, 20,000 lines).
/// Every benchmark processes the whole file; <c>OperationsPerInvoke</c> = line count, so Mean and Allocated are per line.
/// The baseline is a raw <see cref="Utf8JsonReader"/> pass over the same lines (tokenise only, no values read).
/// </summary>
[MemoryDiagnoser]
public class NdjsonParseBenchmarks
{
    private const int Lines = 20_000;
    private byte[] _ndjson = [];
    private NdjsonReaderOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ndjson = PrelabelNdjsonGenerator.Generate(seed: 42, Lines);
        var extent = AssetExtent.Image(PrelabelNdjsonGenerator.ImageWidth, PrelabelNdjsonGenerator.ImageHeight);
        _options = new NdjsonReaderOptions(PrelabelNdjsonGenerator.Ontology, "bench") { ExtentOf = _ => extent };
        Console.WriteLine($"// NDJSON: {Lines} lines, {_ndjson.Length} bytes ({_ndjson.Length / (double)Lines:F1} bytes/line)");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public int RawUtf8JsonReader_Tokens()
    {
        var tokens = 0;
        ReadOnlySpan<byte> rest = _ndjson;
        while (!rest.IsEmpty)
        {
            var newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? [] : rest[(newline + 1)..];
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int ParseAndValidate_Lines()
    {
        var reader = new NdjsonPrelabelReader(_options);
        var accepted = 0;
        ReadOnlySpan<byte> rest = _ndjson;
        long number = 0;
        while (!rest.IsEmpty)
        {
            var newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? [] : rest[(newline + 1)..];
            if (reader.ParseLine(line, ++number)?.Record is not null)
            {
                accepted++;
            }
        }

        return accepted == Lines ? accepted : throw new InvalidOperationException($"Only {accepted} of {Lines} lines were accepted.");
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public async Task<int> ReadAsync_Stream()
    {
        var accepted = 0;
        using var stream = new MemoryStream(_ndjson, writable: false);
        await foreach (var result in new NdjsonPrelabelReader(_options).ReadAsync(stream, CancellationToken.None))
        {
            if (result.Record is not null)
            {
                accepted++;
            }
        }

        return accepted;
    }
}
