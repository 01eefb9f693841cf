using FsCheck.Xunit;
using FuncLabel.Domain.Scoring.Similarity;
using NetTopologySuite.Geometries;
using static FuncLabel.Domain.Tests.Scoring.PolygonSamples;

namespace FuncLabel.Domain.Tests.Scoring;

/// <summary>
/// The boundary-integral intersection area (the only path of polygon IoU) against OverlayNG: on pairs in general
/// position and on pairs built to touch (integer grids full of collinear edges, shared edges, vertices on edges,
/// shared vertices), in both argument orders.
/// </summary>
public sealed class BoundaryIntersectionProperties
{
    [Property(MaxTest = 300)]
    public bool Area_GeneralPosition_MatchesOverlay(int seed)
    {
        var random = new Random(seed);
        Polygon a = Star(random, 100, 100, 60, hole: random.NextDouble() < 0.3, grid: 0);
        Polygon b = Star(random, 100 + Offset(random, 80), 100 + Offset(random, 80), 60, hole: random.NextDouble() < 0.3, grid: 0);
        return KernelAgrees(a, b);
    }

    [Property(MaxTest = 400)]
    public bool Area_IntegerGrid_MatchesOverlay(int seed)
    {
        // Vertices on a coarse integer grid: collinear edges, vertices on edges and shared vertices are frequent.
        var random = new Random(seed);
        Polygon a = Star(random, 20, 20, 12, hole: random.NextDouble() < 0.3, grid: 1);
        Polygon b = Star(random, 20 + Math.Round(Offset(random, 10)), 20 + Math.Round(Offset(random, 10)), 12, hole: random.NextDouble() < 0.3, grid: 1);
        return !a.IsValid || !b.IsValid || KernelAgrees(a, b);
    }

    [Property(MaxTest = 300)]
    public bool Area_SharedEdgeAndVertexOnEdge_MatchesOverlay(int seed)
    {
        var random = new Random(seed);
        Polygon a = Star(random, 100, 100, 60, hole: random.NextDouble() < 0.3, grid: random.NextDouble() < 0.5 ? 0 : 0.5);
        if (!a.IsValid)
        {
            return true;
        }

        Coordinate[] ring = a.Shell.Coordinates;
        int k = random.Next(0, ring.Length - 1);
        Coordinate from = ring[k], to = ring[k + 1], next = ring[(k + 2) % (ring.Length - 1)];

        // Mirror A across one of its edges (touching along the whole edge); fold a triangle onto the same side
        // (overlapping, the edge shared with both regions on one side); put a triangle's vertex on the edge's midpoint
        // from outside and from inside; share only a vertex from outside; overlap part of the edge with a triangle
        // whose base is collinear with it but longer on one end.
        Coordinate middle = new(0.5 * (from.X + to.X), 0.5 * (from.Y + to.Y));
        Coordinate beyond = new(to.X + (0.5 * (to.X - from.X)), to.Y + (0.5 * (to.Y - from.Y)));
        Polygon[] others =
        [
            Reflect(a, from, to),
            Triangle(from, to, Inward(a, from, to, 0.3)),
            Triangle(middle, Inward(a, from, to, -0.5, shift: 0.2), Inward(a, from, to, -0.5, shift: -0.2)),
            Triangle(middle, Inward(a, from, to, 0.5, shift: 0.2), Inward(a, from, to, 0.5, shift: -0.2)),
            Triangle(to, Inward(a, from, to, -0.4, shift: 0.6), Inward(a, to, next, -0.4, shift: -0.6)),
            Triangle(middle, beyond, Inward(a, from, to, 0.2, shift: 0.5)),
            Triangle(middle, beyond, Inward(a, from, to, -0.2, shift: 0.5)),
        ];
        return others.All(b => !b.IsValid || KernelAgrees(a, b));
    }

    /// <summary>The kernel alone (no exits of <see cref="PolygonOverlap"/>) agrees with OverlayNG in both orders, and IoU does too.</summary>
    internal static bool KernelAgrees(Polygon a, Polygon b)
    {
        PolygonalShape x = PolygonalShape.From(a), y = PolygonalShape.From(b);
        double reference = OverlayArea(a, b);
        double union = a.Area + b.Area - reference;
        double iou = union <= 0 ? 0 : reference / union;
        return Close(BoundaryIntersection.Area(x.Rings, y.Rings), reference)
            && Close(BoundaryIntersection.Area(y.Rings, x.Rings), reference)
            && Math.Abs(PolygonOverlap.Of(x, y) - iou) <= Tolerance;
    }
}
