using BenchmarkDotNet.Attributes;
using FuncLabel.Domain.Scoring;

namespace FuncLabel.Benchmarks.Scoring;

/// <summary>
/// Whole scoring runs (shape preparation, STRtree pruning, similarities, per-component Hungarian,
/// feedback) on the scenes of <see cref="SceneGenerator"/>. Single-threaded: one core.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    public const int Seed = 8;

    private static readonly Scene Boxes1000 = SceneGenerator.Boxes(1000, Seed);
    private static readonly Scene Polygons1000 = SceneGenerator.Polygons(1000, Seed);
    private static readonly Scene AllOverlapping200 = SceneGenerator.AllOverlapping(200, Seed);

    [Benchmark]
    public ScoreResult Score_Boxes1000() => CandidateScore.Of(Boxes1000.Gold, Boxes1000.Candidate, Boxes1000.Extent);

    [Benchmark]
    public ScoreResult Score_Polygons1000() => CandidateScore.Of(Polygons1000.Gold, Polygons1000.Candidate, Polygons1000.Extent);

    [Benchmark]
    public ScoreResult Score_AllOverlapping200x200() => CandidateScore.Of(AllOverlapping200.Gold, AllOverlapping200.Candidate, AllOverlapping200.Extent);
}
