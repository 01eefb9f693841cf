using BenchmarkDotNet.Attributes;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Consensus;
using FuncLabel.Domain.Scoring;

namespace FuncLabel.Benchmarks.Consensus;

/// <summary>
/// Consensus per asset on <see cref="ConsensusSceneGenerator"/> scenes: <see cref="Passes"/> passes over assets of
/// <see cref="Instances"/> true objects (half boxes, half polygons, with missed, jittered, relabelled and spurious
/// instances and voted attributes and global classifications). Each invocation merges <see cref="Assets"/> different
/// seeded assets, so Mean and Allocated are per asset. Single-threaded.
/// </summary>
[MemoryDiagnoser]
public class ConsensusBenchmarks
{
    /// <summary>Assets per invocation (seeds 1…8), so one unusual scene does not decide the figure.</summary>
    public const int Assets = 8;

    private ConsensusScene[] _scenes = [];

    [Params(3, 5)]
    public int Passes { get; set; }

    [Params(20, 200)]
    public int Instances { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scenes = [.. Enumerable.Range(1, Assets).Select(seed => ConsensusSceneGenerator.Generate(Instances, Passes, seed))];
        var results = _scenes.Select(Merge).ToList();
        var drawn = _scenes.Average(s => s.Passes.Average(p => p.Label.Annotations.Count));
        Console.WriteLine(
            $"// scenes: {Passes} passes x {Instances} objects: {drawn:F1} annotations per pass; consensus " +
            $"{results.Average(r => r.Instances.Count):F1} instances, {results.Average(r => r.Dropped):F1} dropped, " +
            $"agreement {results.Average(r => r.Agreement ?? 0):F1} (min {results.Min(r => r.Agreement ?? 0):F1}, max {results.Max(r => r.Agreement ?? 0):F1})");
    }

    /// <summary>The whole merge: clustering by Hungarian matching per pass, quorum, geometry merge, votes and the
    /// mean pairwise agreement (what the queue function runs when the last pass is final).</summary>
    [Benchmark(OperationsPerInvoke = Assets)]
    public int PassMerge_PerAsset()
    {
        var kept = 0;
        foreach (var scene in _scenes)
        {
            kept += Merge(scene).Instances.Count;
        }

        return kept;
    }

    /// <summary>The agreement part alone: <see cref="Agreement.OfLabels"/> over every pair of passes.</summary>
    [Benchmark(OperationsPerInvoke = Assets)]
    public double PairwiseAgreement_PerAsset()
    {
        double sum = 0;
        foreach (var scene in _scenes)
        {
            for (var i = 0; i < scene.Passes.Count; i++)
            {
                for (var j = i + 1; j < scene.Passes.Count; j++)
                {
                    sum += Agreement.OfLabels(scene.Passes[i].Label, scene.Passes[j].Label, scene.Extent);
                }
            }
        }

        return sum;
    }

    private static ConsensusResult Merge(ConsensusScene scene) =>
        PassMerge.Of(scene.AssetId, "v1", scene.Passes, Array.Empty<Annotation>(), scene.Extent);
}
