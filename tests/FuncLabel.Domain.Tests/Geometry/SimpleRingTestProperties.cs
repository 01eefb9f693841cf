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

    /// <summary>Rings around a centre, as the star test sees them: sorted angles (simple stars, the O(n) proof), and
    /// unsorted or twice-around angles (self-intersecting), on a fine or a coarse grid.</summary>
    [Property(MaxTest = 3000)]
    public Property Classify_StarLikeRings_AgreesWithNtsWhenItDecides() => Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
    {
        var random = new Random(seed);
        var count = random.Next(3, 40);
        var turns = random.Next(4) == 0 ? 2 : 1;
        var angles = Enumerable.Range(0, count).Select(_ => turns * 2 * Math.PI * random.NextDouble()).ToArray();
        if (random.Next(3) != 0)
        {
            Array.Sort(angles);
        }

        var scale = random.Next(2) == 0 ? 10.0 : 1000.0;
        var ring = angles.Select(a =>
        {
            var radius = scale * (0.2 + random.NextDouble());
            return new PixelPoint(Math.Round(2000 + (radius * Math.Cos(a))), Math.Round(2000 + (radius * Math.Sin(a))));
        }).ToValueList();
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
    public void Classify_Pentagram_IsSelfIntersecting() =>
        Assert.Equal(RingVerdict.SelfIntersecting, SimpleRingTest.Classify([new(100, 0), new(-81, 59), new(31, -95), new(31, 95), new(-81, -59)]));

    [Fact]
    public void Classify_ClockwiseStar_IsSimple() =>
        Assert.Equal(RingVerdict.Simple, SimpleRingTest.Classify([new(10, 0), new(3, -3), new(0, -10), new(-3, -3), new(-10, 0), new(-3, 3), new(0, 10), new(3, 3)]));

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
