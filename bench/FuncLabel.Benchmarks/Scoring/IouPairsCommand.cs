using System.Diagnostics;
using System.Globalization;
using FuncLabel.Domain.Scoring.Similarity;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace FuncLabel.Benchmarks.Scoring;

/// <summary>
/// The .NET side of bench/polygon-iou-vs-geos.sh:
/// <c>iou-pairs write FILE COUNT SEED</c> writes generated pairs as "kind TAB wktA TAB wktB" lines;
/// <c>iou-pairs time FILE OUT</c> computes every pair's IoU with <see cref="PolygonOverlap"/>,
/// writes the values (one per line, round-trip format), prints the timing, and tells on stderr which path answered
/// the pairs of each kind.
/// </summary>
/// <remarks>
/// Timing matches the GEOS driver (bench/geos/iou_driver.c) step for step: parsing and each
/// polygon's area are outside the clock (the scorer prepares every instance once; pairs are the
/// hot path), and the clock covers one pass computing the IoU of every pair. The pass is repeated
/// for at least a second after a warm-up pass and the fastest pass is reported, with the
/// median, as ns per pair, overall and then per pair kind (one pass set per kind).
/// </remarks>
internal static class IouPairsCommand
{
    public static int Run(string[] args)
    {
        switch (args)
        {
            case ["write", string file, string count, string seed]:
                Write(file, int.Parse(count, CultureInfo.InvariantCulture), int.Parse(seed, CultureInfo.InvariantCulture));
                return 0;
            case ["time", string file, string output]:
                Time(file, output);
                return 0;
            default:
                Console.Error.WriteLine("usage: iou-pairs write FILE COUNT SEED | iou-pairs time FILE OUT");
                return 2;
        }
    }

    private static void Write(string file, int count, int seed)
    {
        var writer = new WKTWriter();
        using var output = new StreamWriter(file);
        int invalid = 0;
        foreach (PolygonPair pair in PolygonPairGenerator.Generate(count, seed))
        {
            invalid += (pair.A.IsValid ? 0 : 1) + (pair.B.IsValid ? 0 : 1);
            output.WriteLine($"{KindName(pair.Kind)}\t{writer.Write(pair.A)}\t{writer.Write(pair.B)}");
        }

        Console.WriteLine($"wrote {count} pairs (seed {seed}) to {file}; invalid polygons: {invalid}");
    }

    /// <summary>The kind as written in the pairs file: lower case, words joined by hyphens (<c>shared-edge</c>).</summary>
    private static string KindName(PolygonPairKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) ? (i == 0 ? char.ToLowerInvariant(c).ToString() : "-" + char.ToLowerInvariant(c)) : c.ToString()));

    private static void Time(string file, string outputFile)
    {
        var reader = new WKTReader();
        var kinds = new List<string>();
        var left = new List<PolygonalShape>();
        var right = new List<PolygonalShape>();
        foreach (string line in File.ReadLines(file))
        {
            string[] fields = line.Split('\t');
            kinds.Add(fields[0]);
            left.Add(PolygonalShape.From(reader.Read(fields[1])));
            right.Add(PolygonalShape.From(reader.Read(fields[2])));
        }

        int n = kinds.Count;
        var values = new double[n];
        int[] all = [.. Enumerable.Range(0, n)];
        (double best, double median, int passes) overall = Measure(all, left, right, values);
        Console.WriteLine($"nts\tall\tpairs={n}\tpasses={overall.passes}\tbest_ns={overall.best:F0}\tmedian_ns={overall.median:F0}");
        foreach (string kind in kinds.Distinct().Order(StringComparer.Ordinal))
        {
            int[] indices = [.. all.Where(i => kinds[i] == kind)];
            (double best, double median, int passes) = Measure(indices, left, right, values);
            Console.WriteLine($"nts\t{kind}\tpairs={indices.Length}\tpasses={passes}\tbest_ns={best:F0}\tmedian_ns={median:F0}");
        }

        File.WriteAllLines(outputFile, values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        ReportPaths(kinds, left, right);
    }

    /// <summary>
    /// Which path answers each pair (outside the clock), on stderr: the exits of <see cref="PolygonOverlap.Of"/>
    /// (disjoint envelopes, equal boundaries, two rectangles) or the boundary integral. There is no other path: the
    /// kernel handles touching boundaries itself, so the OverlayNG count is 0 by construction and printed for the
    /// comparison with earlier reports.
    /// </summary>
    private static void ReportPaths(List<string> kinds, List<PolygonalShape> left, List<PolygonalShape> right)
    {
        foreach (string kind in kinds.Distinct().Order(StringComparer.Ordinal))
        {
            int[] indices = [.. Enumerable.Range(0, kinds.Count).Where(i => kinds[i] == kind)];
            int integral = indices.Count(i => left[i].Envelope.Intersects(right[i].Envelope)
                && !left[i].Rings.SameEdges(right[i].Rings)
                && !(left[i].Rings.IsRectangle && right[i].Rings.IsRectangle));
            Console.Error.WriteLine($"{kind}: pairs={indices.Length} boundary_integral={integral} exits={indices.Length - integral} overlay_fallback=0");
        }
    }

    /// <summary>One warm-up pass, then passes for at least a second (and at least 5); ns per pair of the fastest and the median pass.</summary>
    private static (double Best, double Median, int Passes) Measure(int[] indices, List<PolygonalShape> left, List<PolygonalShape> right, double[] values)
    {
        var passes = new List<double>();
        var total = Stopwatch.StartNew();
        for (int pass = 0; pass == 0 || total.Elapsed < TimeSpan.FromSeconds(1) || passes.Count < 5; pass++)
        {
            long start = Stopwatch.GetTimestamp();
            foreach (int i in indices)
            {
                values[i] = PolygonOverlap.Of(left[i], right[i]);
            }

            double elapsed = Stopwatch.GetElapsedTime(start).TotalNanoseconds;
            if (pass > 0)
            {
                passes.Add(elapsed / indices.Length);
            }
        }

        passes.Sort();
        return (passes[0], passes[passes.Count / 2], passes.Count);
    }
}
