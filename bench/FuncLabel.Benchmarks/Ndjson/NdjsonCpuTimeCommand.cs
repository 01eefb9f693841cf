using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ndjson;

namespace FuncLabel.Benchmarks.Ndjson;

/// <summary>
/// <c>ndjson-cpu [rounds] [warm-up passes]</c>: the raw-reader and parse + validate passes of
/// <see cref="NdjsonParseBenchmarks"/>, alternated round by round and timed in process CPU time as well as wall time.
/// </summary>
/// <remarks>
/// On a machine shared with other builds, wall time measures the scheduler as much as the code: a pass that happens
/// to run while others compile is slower, and BenchmarkDotNet runs the two benchmarks one after the other. CPU time
/// (user + system of this process, GC threads included) counts only the work done, and alternating the two passes
/// exposes both to the same conditions; the ratio of medians is the figure to compare with the goal.
/// <para>Warm-up: without a count, both passes repeat until the JIT has gone quiet (<see cref="WarmUp"/>); with a
/// count, exactly that many (the command's earlier behaviour was 3).</para>
/// </remarks>
internal static class NdjsonCpuTimeCommand
{
    private const int Lines = 20_000;

    public static int Run(IReadOnlyList<string> args)
    {
        var rounds = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        int? warmups = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : null;
        var ndjson = PrelabelNdjsonGenerator.Generate(seed: 42, Lines);
        var extent = AssetExtent.Image(PrelabelNdjsonGenerator.ImageWidth, PrelabelNdjsonGenerator.ImageHeight);
        var options = new NdjsonReaderOptions(PrelabelNdjsonGenerator.Ontology, "bench") { ExtentOf = _ => extent };
        var warmUp = WarmUp(() =>
        {
            Raw(ndjson);
            Parse(ndjson, options);
        }, warmups);

        var raw = new List<(double Cpu, double Wall)>();
        var parse = new List<(double Cpu, double Wall)>();
        var allocated = 0L;
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                raw.Add(Measure(() => Raw(ndjson)));
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            parse.Add(Measure(() => Parse(ndjson, options)));
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (round % 2 == 1)
            {
                raw.Add(Measure(() => Raw(ndjson)));
            }
        }

        double rawCpu = Median(raw.Select(r => r.Cpu)), parseCpu = Median(parse.Select(p => p.Cpu));
        double rawWall = Median(raw.Select(r => r.Wall)), parseWall = Median(parse.Select(p => p.Wall));
        var megabytes = ndjson.Length / 1e6;
        Console.WriteLine($"{Lines} lines, {ndjson.Length} bytes, {warmUp}, {rounds} alternating rounds, medians per line:");
        Console.WriteLine("| pass | CPU µs/line | wall µs/line | annotations/s (CPU) | MB/s (CPU) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine(Row("raw Utf8JsonReader", rawCpu, rawWall, megabytes));
        Console.WriteLine(Row("parse + validate", parseCpu, parseWall, megabytes));
        Console.WriteLine($"parse + validate = {rawCpu / parseCpu:P1} of the raw pass in CPU time ({rawWall / parseWall:P1} in wall time); {allocated / (double)Lines:F0} B allocated per line.");
        return 0;
    }

    /// <summary>
    /// Runs <paramref name="passes"/> <paramref name="count"/> times, or, without a count, until two passes in a row
    /// compile no method (at least 3, at most 100), and says how it went.
    /// </summary>
    /// <remarks>
    /// With tiered compilation and dynamic PGO, a method runs first unoptimised, then instrumented (every branch and
    /// call counted through a helper), and only then optimised, each step compiled on a background thread after a
    /// delay. On a loaded machine that thread can lag for seconds: profiles of this command showed up to a third of
    /// the parse pass's samples in the runtime's count helper during its first seconds, and none once the JIT was
    /// quiet — and the compiling thread's CPU time is counted too, in whichever pass it happens to overlap. The
    /// parser has many more methods to promote than the raw pass, so measuring before the JIT is done compares
    /// unfinished code with finished code. An import runs for minutes, in optimised code.
    /// </remarks>
    internal static string WarmUp(Action passes, int? count)
    {
        var done = 0;
        var quiet = 0;
        while (count is { } fixedCount ? done < fixedCount : done < 3 || (quiet < 2 && done < 100))
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            passes();
            done++;
            quiet = System.Runtime.JitInfo.GetCompiledMethodCount() == compiled ? quiet + 1 : 0;
        }

        return count is null ? $"{done} warm-up passes (until the JIT was quiet for two)" : $"{done} warm-up passes (fixed)";
    }

    private static string Row(string name, double cpu, double wall, double megabytes) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {cpu * 1e6 / Lines:F3} | {wall * 1e6 / Lines:F3} | {Lines / cpu:N0} | {megabytes / cpu:F1} |");

    /// <summary>Process CPU seconds and wall seconds of one pass.</summary>
    private static (double Cpu, double Wall) Measure(Action pass)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        pass();
        wall.Stop();
        process.Refresh();
        return ((process.TotalProcessorTime - cpu).TotalSeconds, wall.Elapsed.TotalSeconds);
    }

    private static int Raw(byte[] ndjson)
    {
        var tokens = 0;
        foreach (var range in ndjson.AsSpan().Split((byte)'\n'))
        {
            if (range.Start.Equals(range.End))
            {
                continue;
            }

            var reader = new Utf8JsonReader(ndjson.AsSpan(range));
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    private static void Parse(byte[] ndjson, NdjsonReaderOptions options)
    {
        var reader = new NdjsonPrelabelReader(options);
        long number = 0;
        var accepted = 0;
        foreach (var range in ndjson.AsSpan().Split((byte)'\n'))
        {
            if (reader.ParseLine(ndjson.AsSpan(range), ++number)?.Record is not null)
            {
                accepted++;
            }
        }

        if (accepted != Lines)
        {
            throw new InvalidOperationException($"Only {accepted} of {Lines} lines were accepted.");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
