using FuncLabel.Domain.Scoring.Similarity;
using NetTopologySuite.IO;

namespace FuncLabel.Domain.Tests.Scoring;

/// <summary>Hand-computed similarities, one group per shape type.</summary>
public sealed class SimilarityTests
{
    private const double Tolerance = 1e-12;
    private static readonly WKTReader Wkt = new();

    [Theory]
    [InlineData(0, 0, 10, 10, 5, 5, 15, 15, 25.0 / 175)]
    [InlineData(0, 0, 10, 10, 0, 0, 10, 10, 1.0)]
    [InlineData(0, 0, 10, 10, 10, 0, 20, 10, 0.0)]
    [InlineData(0, 0, 10, 10, 2, 2, 6, 6, 16.0 / 100)]
    [InlineData(0, 0, 10, 10, 50, 50, 60, 60, 0.0)]
    [InlineData(0, 0, 10, 4, 5, 0, 15, 4, 20.0 / 60)]
    public void BoxOverlap_HandComputed(double ax0, double ay0, double ax1, double ay1, double bx0, double by0, double bx1, double by1, double expected)
    {
        Assert.Equal(expected, BoxOverlap.Of(new AxisBox(ax0, ay0, ax1, ay1), new AxisBox(bx0, by0, bx1, by1)), Tolerance);
    }

    [Fact]
    public void BoxOverlap_ZeroAreaBoxes_OneOnlyWhenIdentical()
    {
        Assert.Equal(1.0, BoxOverlap.Of(new AxisBox(1, 1, 1, 5), new AxisBox(1, 1, 1, 5)));
        Assert.Equal(0.0, BoxOverlap.Of(new AxisBox(1, 1, 1, 5), new AxisBox(2, 1, 2, 5)));
    }

    [Theory]
    [InlineData("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", "POLYGON ((5 0, 15 0, 15 10, 5 10, 5 0))", 50.0 / 150)]
    [InlineData("POLYGON ((0 0, 4 0, 0 4, 0 0))", "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))", 8.0 / 16)]
    [InlineData("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 3 7, 7 7, 7 3, 3 3))", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", 84.0 / 100)]
    [InlineData("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 3 7, 7 7, 7 3, 3 3))", "POLYGON ((4 4, 6 4, 6 6, 4 6, 4 4))", 0.0)]
    [InlineData("POLYGON ((0 0, 10 0, 10 10, 5 3, 0 10, 0 0))", "POLYGON ((0 0, 10 0, 10 10, 5 3, 0 10, 0 0))", 1.0)]
    [InlineData("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", "POLYGON ((2 0, 4 0, 4 2, 2 2, 2 0))", 0.0)]
    [InlineData("POLYGON ((0 0, 6 0, 6 6, 3 2, 0 6, 0 0))", "POLYGON ((0 0, 6 0, 6 2, 0 2, 0 0))", 12.0 / 24)]
    public void PolygonOverlap_HandComputed(string a, string b, double expected)
    {
        Assert.Equal(expected, PolygonOverlap.Of(Shape(a), Shape(b)), Tolerance);
        Assert.Equal(expected, PolygonOverlap.Of(Shape(b), Shape(a)), Tolerance);
    }

    [Fact]
    public void PolygonalShape_BowTie_RepairedKeepingBothLobes()
    {
        // A bow-tie over the unit square crossing at (1, 1): two triangles of area 1 each.
        PolygonalShape bowTie = Shape("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))");

        Assert.True(bowTie.Repaired);
        Assert.Equal(2.0, bowTie.Area, Tolerance);
        Assert.Equal(2.0 / 4, PolygonOverlap.Of(bowTie, Shape("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")), Tolerance);
    }

    [Fact]
    public void MaskOverlap_HandComputed()
    {
        // 4 × 3 row-major. a: pixels 1..5 (5 px); b: pixels 3..4 and 8..9 (4 px). Shared: 3, 4.
        RunLengthMask a = RunLengthMask.FromCounts([1, 5, 6], 4, 3, columnMajor: false);
        RunLengthMask b = RunLengthMask.FromCounts([3, 2, 3, 2, 2], 4, 3, columnMajor: false);

        Assert.Equal(2.0 / 7, MaskOverlap.Of(a, b), Tolerance);
        Assert.Equal(1.0, MaskOverlap.Of(a, a));
        Assert.Equal(new NetTopologySuite.Geometries.Envelope(0, 4, 0, 2), a.Envelope);
        Assert.Equal(new NetTopologySuite.Geometries.Envelope(0, 4, 0, 3), b.Envelope);
    }

    [Fact]
    public void MaskOverlap_DisjointRuns_Zero()
    {
        RunLengthMask a = RunLengthMask.FromCounts([0, 3, 9], 4, 3, columnMajor: false);
        RunLengthMask b = RunLengthMask.FromCounts([3, 9], 4, 3, columnMajor: false);

        Assert.Equal(0.0, MaskOverlap.Of(a, b));
    }

    [Fact]
    public void RunLengthMask_CountsNotCoveringTheMask_Throws()
    {
        Assert.Throws<ArgumentException>(() => RunLengthMask.FromCounts([1, 2], 4, 3, columnMajor: false));
    }

    [Fact]
    public void KeypointSimilarity_OneSpreadAway_ExpMinusHalf()
    {
        // σ·s = 0.01 × 1000 = 10 px; a 6-8-10 triangle puts the points exactly one spread apart.
        Assert.Equal(Math.Exp(-0.5), KeypointSimilarity.Of(100, 100, 106, 108, 1000, 0.01), Tolerance);
        Assert.Equal(1.0, KeypointSimilarity.Of(3, 4, 3, 4, 1000, 0.01));
    }

    [Fact]
    public void DistanceKernel_Reach_IsWhereTheThresholdIsMet()
    {
        double reach = DistanceKernel.Reach(0.4, 1000, 0.01);

        Assert.Equal(0.4, DistanceKernel.Similarity(reach, 1000, 0.01), Tolerance);
    }

    [Fact]
    public void PolylineSimilarity_ParallelLinesThreeApart_MeanDistanceThree()
    {
        SampledPolyline a = Line(32, (0, 0), (100, 0));
        SampledPolyline b = Line(32, (0, 3), (40, 3), (100, 3));

        Assert.Equal(3.0, PolylineSimilarity.MeanDistance(a, b), Tolerance);
        Assert.Equal(Math.Exp(-9.0 / 200), PolylineSimilarity.Of(a, b, 1000, 0.01), Tolerance);
    }

    [Fact]
    public void PolylineSimilarity_SameLineOtherVerticesAndDirection_One()
    {
        SampledPolyline a = Line(32, (0, 0), (10, 0), (10, 10));
        SampledPolyline b = Line(32, (10, 10), (10, 4), (10, 0), (3, 0), (0, 0));

        Assert.Equal(1.0, PolylineSimilarity.Of(a, b, 1000, 0.01));
    }

    [Fact]
    public void PolylineSimilarity_HalfLengthLine_PenalisedByTheMissingHalf()
    {
        // b is a's first half. With 3 samples, a's (x = 0, 50, 100) lie 0, 0, 50 from b (mean 50/3);
        // b's (x = 0, 25, 50) all lie on a (mean 0). The symmetric mean is half of 50/3.
        SampledPolyline a = Line(3, (0, 0), (100, 0));
        SampledPolyline b = Line(3, (0, 0), (50, 0));

        Assert.Equal(0.5 * (50.0 / 3), PolylineSimilarity.MeanDistance(a, b), Tolerance);
    }

    [Theory]
    [InlineData(0, 4, 2, 6, 3.0 / 7)]
    [InlineData(0, 4, 0, 4, 1.0)]
    [InlineData(0, 4, 5, 9, 0.0)]
    [InlineData(3, 3, 3, 3, 1.0)]
    [InlineData(0, 9, 4, 5, 2.0 / 10)]
    public void SpanOverlap_HandComputed_EndInclusive(int startA, int endA, int startB, int endB, double expected)
    {
        Assert.Equal(expected, SpanOverlap.Of(startA, endA, startB, endB), Tolerance);
    }

    private static PolygonalShape Shape(string wkt) => PolygonalShape.From(Wkt.Read(wkt));

    private static SampledPolyline Line(int samples, params (double X, double Y)[] points) => SampledPolyline.From(points, samples);
}
