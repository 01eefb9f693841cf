using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ndjson;

namespace FuncLabel.Benchmarks.Ndjson;

/// <summary>
/// <c>ndjson-cpu-kinds [rounds] [kind]</c>: <see cref="NdjsonCpuTimeCommand"/> per kind of line (boxes, polygons, global
/// classifications of the same seeded file): the raw reader, the syntax reader alone (<see cref="NdjsonLineParser"/>)
/// and the whole parse + validate, alternated round by round, medians of process CPU time per line. Tells which kind
/// of line, and which half of the work (reading or resolving), a change should aim at; with a kind, only that kind
/// (to profile it alone).
/// </summary>
internal static class NdjsonCpuByKindCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var rounds = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        var ndjson = PrelabelNdjsonGenerator.Generate(seed: 42, lines: 20_000);
        var extent = AssetExtent.Image(PrelabelNdjsonGenerator.ImageWidth, PrelabelNdjsonGenerator.ImageHeight);
        var options = new NdjsonReaderOptions(PrelabelNdjsonGenerator.Ontology, "bench") { ExtentOf = _ => extent };
        var kinds = new Dictionary<string, List<byte[]>> { ["bbox"] = [], ["polygon"] = [], ["classification"] = [] };
        foreach (var range in ndjson.AsSpan().Split((byte)'\n'))
        {
            var line = ndjson.AsSpan(range);
            if (!line.IsEmpty)
            {
                kinds[line.IndexOf("\"bbox\""u8) >= 0 ? "bbox" : line.IndexOf("\"polygon\""u8) >= 0 ? "polygon" : "classification"].Add(line.ToArray());
            }
        }

        Console.WriteLine($"{rounds} alternating rounds after each kind's warm-up (until the JIT is quiet), medians of process CPU time per line:");
        Console.WriteLine("| kind | lines | bytes/line | raw µs | parse only µs | parse + validate µs | of raw (parse + validate) | allocated/line |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (kind, lines) in kinds)
        {
            if (args.Count > 1 && args[1] != kind)
            {
                continue;
            }

            var parser = new NdjsonLineParser(new KnownStrings(options.Ontology));
            NdjsonCpuTimeCommand.WarmUp(() =>
            {
                Raw(lines);
                ParseOnly(lines, parser);
                ParseAndValidate(lines, options);
            }, count: null);

            var raw = new List<double>();
            var parse = new List<double>();
            var full = new List<double>();
            var allocated = 0L;
            for (var round = 0; round < rounds; round++)
            {
                raw.Add(CpuSeconds(() => Raw(lines)));
                parse.Add(CpuSeconds(() => ParseOnly(lines, parser)));
                var before = GC.GetAllocatedBytesForCurrentThread();
                full.Add(CpuSeconds(() => ParseAndValidate(lines, options)));
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }

            double perLine = 1e6 / lines.Count, rawMedian = Median(raw), fullMedian = Median(full);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {kind} | {lines.Count} | {lines.Average(l => l.Length):F1} | {rawMedian * perLine:F3} | {Median(parse) * perLine:F3} | {fullMedian * perLine:F3} | {rawMedian / fullMedian:P1} | {allocated / (double)lines.Count:F0} B |"));
        }

        return 0;
    }

    private static double CpuSeconds(Action pass)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        pass();
        process.Refresh();
        return (process.TotalProcessorTime - cpu).TotalSeconds;
    }

    private static int Raw(List<byte[]> lines)
    {
        var tokens = 0;
        foreach (var line in lines)
        {
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    private static void ParseOnly(List<byte[]> lines, NdjsonLineParser parser)
    {
        var raw = new RawAnnotation();
        foreach (var line in lines)
        {
            raw.Reset();
            if (!parser.TryParse(line, raw, out _))
            {
                throw new InvalidOperationException("A generated line failed to parse.");
            }
        }
    }

    private static void ParseAndValidate(List<byte[]> lines, NdjsonReaderOptions options)
    {
        var reader = new NdjsonPrelabelReader(options);
        for (var i = 0; i < lines.Count; i++)
        {
            if (reader.ParseLine(lines[i], i + 1)?.Record is null)
            {
                throw new InvalidOperationException("A generated line was refused.");
            }
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
