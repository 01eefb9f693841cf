using FuncLabel.Domain.Scoring.Similarity;
using NetTopologySuite.Geometries;
using static FuncLabel.Domain.Tests.Scoring.PolygonSamples;

namespace FuncLabel.Domain.Tests.Scoring;

/// <summary>Hand-computed intersection areas, most of them on boundaries that touch rather than cross.</summary>
public sealed class BoundaryIntersectionTests
{
    private static readonly Polygon Square = Ring(new(0, 0), new(4, 0), new(4, 4), new(0, 4));

    [Theory]
    [InlineData("mirror across the right edge", 0.0, new double[] { 4, 0, 8, 0, 8, 4, 4, 4 })]
    [InlineData("triangle on the right edge, outside", 0.0, new double[] { 4, 0, 6, 2, 4, 4 })]
    [InlineData("triangle on the right edge, inside", 4.0, new double[] { 4, 0, 4, 4, 2, 2 })]
    [InlineData("left half: three edges shared in part", 8.0, new double[] { 0, 0, 2, 0, 2, 4, 0, 4 })]
    [InlineData("shifted copy: two collinear overlapping edge pairs", 8.0, new double[] { 2, 0, 6, 0, 6, 4, 2, 4 })]
    [InlineData("shares one corner from outside", 0.0, new double[] { 4, 4, 6, 4, 6, 6, 4, 6 })]
    [InlineData("vertex on the bottom edge from outside", 0.0, new double[] { 2, 0, 3, -2, 1, -2 })]
    [InlineData("vertex on the bottom edge from inside", 1.0, new double[] { 2, 0, 3, 1, 1, 1 })]
    [InlineData("diamond through the four edge midpoints", 8.0, new double[] { 2, 0, 4, 2, 2, 4, 0, 2 })]
    [InlineData("same square, other start vertex and an extra vertex", 16.0, new double[] { 4, 4, 0, 4, 0, 0, 2, 0, 4, 0 })]
    [InlineData("wider, same bottom and top", 16.0, new double[] { -1, 0, 5, 0, 5, 4, -1, 4 })]
    [InlineData("corner shared, leaving through the top edge along it", 4.0, new double[] { 4, 0, 6, 4, 2, 4 })]
    public void Area_TouchingSquare_HandComputed(string why, double expected, double[] xy)
    {
        Polygon other = Ring([.. Enumerable.Range(0, xy.Length / 2).Select(i => new Coordinate(xy[2 * i], xy[(2 * i) + 1]))]);
        PolygonalShape square = PolygonalShape.From(Square), shape = PolygonalShape.From(other);

        Assert.True(Math.Abs(BoundaryIntersection.Area(square.Rings, shape.Rings) - expected) < 1e-12, why);
        Assert.True(Math.Abs(BoundaryIntersection.Area(shape.Rings, square.Rings) - expected) < 1e-12, why);
        Assert.True(Math.Abs(OverlayArea(Square, other) - expected) < 1e-12, why);
    }

    [Fact]
    public void Area_CrossingSquares_HandComputed()
    {
        PolygonalShape square = PolygonalShape.From(Square);
        // |x − 4.5| + |y − 4.5| ≤ 3 cut by x ≤ 4, y ≤ 4: x + y ≥ 6, the triangle (2, 4), (4, 2), (4, 4).
        PolygonalShape diamond = PolygonalShape.From(Ring(new(4.5, 1.5), new(7.5, 4.5), new(4.5, 7.5), new(1.5, 4.5)));

        Assert.Equal(2.0, BoundaryIntersection.Area(square.Rings, diamond.Rings), 12);
    }

    [Fact]
    public void Area_HoleAroundOther_IsZeroAndContainedIsWhole()
    {
        Polygon frame = Factory.CreatePolygon(
            Factory.CreateLinearRing([new(0, 0), new(10, 0), new(10, 10), new(0, 10), new(0, 0)]),
            [Factory.CreateLinearRing([new(2, 2), new(8, 2), new(8, 8), new(2, 8), new(2, 2)])]);
        PolygonalShape ring = PolygonalShape.From(frame);
        PolygonalShape inHole = PolygonalShape.From(Ring(new(3, 3), new(7, 3.5), new(6, 7)));
        Polygon overHole = Ring(new(1, 1), new(9, 1.5), new(9, 9), new(1.5, 9));

        Assert.Equal(0.0, BoundaryIntersection.Area(ring.Rings, inHole.Rings));
        Assert.Equal(OverlayArea(frame, overHole), BoundaryIntersection.Area(ring.Rings, PolygonalShape.From(overHole).Rings), 9);
    }

    [Fact]
    public void Area_FillsHoleExactly_IsZeroAndWithFrameIsWhole()
    {
        Polygon frame = Factory.CreatePolygon(
            Factory.CreateLinearRing([new(0, 0), new(10, 0), new(10, 10), new(0, 10), new(0, 0)]),
            [Factory.CreateLinearRing([new(2, 2), new(8, 2), new(8, 8), new(2, 8), new(2, 2)])]);
        PolygonalShape ring = PolygonalShape.From(frame);
        PolygonalShape plug = PolygonalShape.From(Ring(new(2, 2), new(8, 2), new(8, 8), new(2, 8)));
        PolygonalShape plugAndMore = PolygonalShape.From(Ring(new(2, 2), new(10, 2), new(10, 8), new(2, 8)));

        Assert.Equal(0.0, BoundaryIntersection.Area(ring.Rings, plug.Rings));
        Assert.Equal(0.0, BoundaryIntersection.Area(plug.Rings, ring.Rings));
        Assert.Equal(12.0, BoundaryIntersection.Area(ring.Rings, plugAndMore.Rings), 12);
        Assert.Equal(12.0, BoundaryIntersection.Area(plugAndMore.Rings, ring.Rings), 12);
    }

    [Fact]
    public void Area_HoleTouchingShell_MatchesOverlay()
    {
        // A valid polygon whose hole touches the shell at one point, against shapes through that point.
        Polygon notched = Factory.CreatePolygon(
            Factory.CreateLinearRing([new(0, 0), new(10, 0), new(10, 10), new(0, 10), new(0, 0)]),
            [Factory.CreateLinearRing([new(5, 0), new(7, 4), new(3, 4), new(5, 0)])]);
        Assert.True(notched.IsValid);
        Polygon[] others =
        [
            Ring(new(5, 0), new(5, -3), new(8, -3)),
            Ring(new(5, 0), new(9, 2), new(9, 9), new(1, 9), new(1, 2)),
            Ring(new(3, -2), new(7, -2), new(7, 4), new(3, 4)),
            Ring(new(5, 0), new(7, 4), new(3, 4)),
        ];

        Assert.All(others, other => Assert.True(BoundaryIntersectionProperties.KernelAgrees(notched, other)));
    }
}
