using System.Diagnostics;
using System.Globalization;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Consensus;
using FuncLabel.Domain.Scoring;

namespace FuncLabel.Benchmarks.Consensus;

/// <summary>
/// <c>consensus-cpu [rounds]</c>: the two measurements of <see cref="ConsensusBenchmarks"/> (whole merge, pairwise
/// agreement alone) on the same seeded scenes, timed in process CPU time per asset, medians over rounds, with what
/// the merges produced. CPU time rather than wall time because the machine is shared (see
/// <see cref="Ndjson.NdjsonCpuTimeCommand"/>).
/// </summary>
internal static class ConsensusCpuTimeCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var rounds = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;

        // Warm-up over both shapes and pass counts, so the first configuration is not timed on unoptimised
        // (tier-0) code.
        foreach (var scene in new[] { ConsensusSceneGenerator.Generate(20, 5, 101), ConsensusSceneGenerator.Generate(200, 3, 102) })
        {
            for (var i = 0; i < 30; i++)
            {
                Merge(scene);
                PairwiseAgreement(scene);
            }
        }

        Console.WriteLine($"{ConsensusBenchmarks.Assets} seeded assets per configuration, {rounds} rounds, medians per asset (CPU time):");
        Console.WriteLine("| passes | objects | annotations/pass | consensus instances | dropped | agreement mean (min–max) | merge ms/asset | agreement-only ms/asset | merge allocated/asset |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---|---:|---:|---:|");
        foreach (var passes in new[] { 3, 5 })
        {
            foreach (var instances in new[] { 20, 200 })
            {
                var scenes = Enumerable.Range(1, ConsensusBenchmarks.Assets).Select(seed => ConsensusSceneGenerator.Generate(instances, passes, seed)).ToArray();
                var results = scenes.Select(Merge).ToList();
                var merge = new List<double>();
                var agreement = new List<double>();
                long allocated = 0;
                for (var round = 0; round < rounds; round++)
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    merge.Add(CpuSeconds(() => Array.ForEach(scenes, s => Merge(s))) / scenes.Length);
                    allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / scenes.Length;
                    agreement.Add(CpuSeconds(() => Array.ForEach(scenes, s => PairwiseAgreement(s))) / scenes.Length);
                }

                var drawn = scenes.Average(s => s.Passes.Average(p => p.Label.Annotations.Count));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {passes} | {instances} | {drawn:F1} | {results.Average(r => r.Instances.Count):F1} | {results.Average(r => r.Dropped):F1} | " +
                    $"{results.Average(r => r.Agreement ?? 0):F1} ({results.Min(r => r.Agreement ?? 0):F1}–{results.Max(r => r.Agreement ?? 0):F1}) | " +
                    $"{Median(merge) * 1e3:F2} | {Median(agreement) * 1e3:F2} | {allocated / 1024.0 / 1024.0:F2} MB |"));
            }
        }

        return 0;
    }

    private static ConsensusResult Merge(ConsensusScene scene) =>
        PassMerge.Of(scene.AssetId, "v1", scene.Passes, Array.Empty<Annotation>(), scene.Extent);

    private static double PairwiseAgreement(ConsensusScene scene)
    {
        double sum = 0;
        for (var i = 0; i < scene.Passes.Count; i++)
        {
            for (var j = i + 1; j < scene.Passes.Count; j++)
            {
                sum += Agreement.OfLabels(scene.Passes[i].Label, scene.Passes[j].Label, scene.Extent);
            }
        }

        return sum;
    }

    private static double CpuSeconds(Action work)
    {
        using var process = Process.GetCurrentProcess();
        var start = process.TotalProcessorTime;
        work();
        process.Refresh();
        return (process.TotalProcessorTime - start).TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
