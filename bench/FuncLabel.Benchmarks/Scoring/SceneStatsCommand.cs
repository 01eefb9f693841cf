using FuncLabel.Domain.Scoring;
using NetTopologySuite.Geometries;

namespace FuncLabel.Benchmarks.Scoring;

/// <summary>
/// <c>scene-stats</c>: prints what the generated scenes look like (instance counts, envelopes met
/// per gold instance, matches, the score), so the benchmark results can state their input.
/// </summary>
internal static class SceneStatsCommand
{
    public static int Run()
    {
        Print("boxes-1000", SceneGenerator.Boxes(1000, ScoringBenchmarks.Seed));
        Print("polygons-1000", SceneGenerator.Polygons(1000, ScoringBenchmarks.Seed));
        Print("all-overlapping-200", SceneGenerator.AllOverlapping(200, ScoringBenchmarks.Seed));
        return 0;
    }

    private static void Print(string name, Scene scene)
    {
        Envelope[] candidates = [.. scene.Candidate.Select(EnvelopeOf)];
        double met = scene.Gold.Select(EnvelopeOf).Average(g => candidates.Count(c => c.Intersects(g)));
        ScoreResult result = CandidateScore.Of(scene.Gold, scene.Candidate, scene.Extent);
        var reasons = result.Feedback.GroupBy(f => f.Reason).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}");
        Console.WriteLine($"{name}: gold={scene.Gold.Count} candidates={scene.Candidate.Count} candidate envelopes met per gold={met:F2} matched={result.MatchedCount} score={result.Score} {string.Join(' ', reasons)}");
    }

    private static Envelope EnvelopeOf(FuncLabel.Domain.Annotations.Annotation annotation) => annotation.Geometry switch
    {
        FuncLabel.Domain.Geometry.BoundingBox b => new Envelope(b.Left, b.Right, b.Top, b.Bottom),
        FuncLabel.Domain.Geometry.PolygonGeometry p => new Envelope(p.Points.Min(q => q.X), p.Points.Max(q => q.X), p.Points.Min(q => q.Y), p.Points.Max(q => q.Y)),
        _ => new Envelope(),
    };
}
