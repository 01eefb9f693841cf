using FuncLabel.Domain.Geometry;

namespace FuncLabel.Domain.Tests.Geometry;

public sealed class GeometryPolicyTests
{
    [Theory]
    [InlineData(double.NaN, 0, 1, 1, GeometryProblemKind.Invalid, "left")]
    [InlineData(0, double.PositiveInfinity, 1, 1, GeometryProblemKind.Invalid, "top")]
    [InlineData(0, 0, -1, 1, GeometryProblemKind.Invalid, "width")]
    [InlineData(0, 0, 1, 0, GeometryProblemKind.Invalid, "height")]
    [InlineData(-1, 0, 1, 1, GeometryProblemKind.OutOfBounds, "left")]
    [InlineData(95, 0, 10, 1, GeometryProblemKind.OutOfBounds, "width")]
    public void Check_Box_Refused(double left, double top, double width, double height, GeometryProblemKind kind, string field)
    {
        var check = GeometryPolicy.Check(new BoundingBox(left, top, width, height), AssetExtent.Image(100, 100));

        Assert.Equal(new GeometryProblem(kind, field, check.Problem!.Message), check.Problem);
    }

    [Fact]
    public void Check_BoxOnTheImageEdge_IsAccepted() =>
        Assert.Null(GeometryPolicy.Check(new BoundingBox(0, 0, 100, 100), AssetExtent.Image(100, 100)).Problem);

    [Fact]
    public void Check_PolylineWithOneDistinctPoint_IsInvalid() =>
        Assert.Equal(GeometryProblemKind.Invalid, GeometryPolicy.Check(new PolylineGeometry([new(1, 1), new(1, 1)]), AssetExtent.Unknown).Problem?.Kind);

    [Fact]
    public void Check_EmptyMask_IsInvalid() =>
        Assert.Equal(GeometryProblemKind.Invalid, GeometryPolicy.Check(new MaskGeometry(2, 1, [2]), AssetExtent.Unknown).Problem?.Kind);

    [Fact]
    public void Check_SelfIntersectingPolygon_IsRepairedAndFlagged()
    {
        var check = GeometryPolicy.Check(new PolygonGeometry([new(0, 0), new(10, 10), new(10, 0), new(0, 10)]), AssetExtent.Image(10, 10));

        Assert.True(check.Repaired);
        Assert.Equal(25, FuncLabel.Domain.Export.CocoWriter.ShoelaceArea(Assert.IsType<PolygonGeometry>(check.Geometry).Points), 9);
    }
}
