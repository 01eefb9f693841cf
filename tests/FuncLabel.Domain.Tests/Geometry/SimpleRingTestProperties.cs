using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Geometry;
using NetTopologySuite.Geometries;

namespace FuncLabel.Domain.Tests.Geometry;

/// <summary>The fast ring filter must agree with NetTopologySuite whenever it gives a verdict.</summary>
public sealed class SimpleRingTestProperties
{
    private static readonly GeometryFactory Factory = new();

    [Property(MaxTest = 3000)]
    public Property Classify_AgreesWithNtsWhenItDecides() => Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
    {
        var random = new Random(seed);
        var count = random.Next(3, 12);
        var grid = random.Next(2) == 0 ? 4 : 1000;
        var ring = Enumerable.Range(0, count).Select(_ => new PixelPoint(random.Next(grid), random.Next(grid))).ToValueList();
        var distinct = ring.Distinct().Count() == ring.Count;

        var verdict = SimpleRingTest.Classify(ring);

        if (!distinct || verdict == RingVerdict.Unsure)
        {
            return true;
        }

        var nts = Factory.CreatePolygon([.. ring.Select(p => new Coordinate(p.X, p.Y)), new Coordinate(ring[0].X, ring[0].Y)]);
        return (verdict == RingVerdict.Simple) == nts.IsValid;
    });

    [Fact]
    public void Classify_BowTie_IsSelfIntersecting() =>
        Assert.Equal(RingVerdict.SelfIntersecting, SimpleRingTest.Classify([new(0, 0), new(10, 10), new(10, 0), new(0, 10)]));

    [Fact]
    public void Classify_Square_IsSimple() =>
        Assert.Equal(RingVerdict.Simple, SimpleRingTest.Classify([new(0, 0), new(10, 0), new(10, 10), new(0, 10)]));

    [Fact]
    public void Classify_CollinearVertex_IsLeftToNts() =>
        Assert.Equal(RingVerdict.Unsure, SimpleRingTest.Classify([new(0, 0), new(5, 0), new(10, 0), new(10, 10)]));
}
