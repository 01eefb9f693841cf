using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Geometry;

namespace FuncLabel.Domain.Tests.Scoring;

/// <summary>Builders of annotations for scoring tests; ids are deterministic from a number.</summary>
internal static class ScoringSamples
{
    public static Guid Id(int n) => new(n, 0, 0, new byte[8]);

    public static Annotation Box(int id, string classId, double left, double top, double width, double height, params Classification[] attributes) =>
        new(Id(id), classId, new BoundingBox(left, top, width, height), attributes.ToValueList(), AnnotationSource.Human);

    public static Annotation Polygon(int id, string classId, params (double X, double Y)[] points) =>
        new(Id(id), classId, new PolygonGeometry(points.Select(p => new PixelPoint(p.X, p.Y)).ToValueList()), ValueList<Classification>.Empty, AnnotationSource.Human);

    public static Annotation Point(int id, string classId, double x, double y) =>
        new(Id(id), classId, new PointGeometry(x, y), ValueList<Classification>.Empty, AnnotationSource.Human);

    public static Annotation Line(int id, string classId, params (double X, double Y)[] points) =>
        new(Id(id), classId, new PolylineGeometry(points.Select(p => new PixelPoint(p.X, p.Y)).ToValueList()), ValueList<Classification>.Empty, AnnotationSource.Human);

    public static Annotation Mask(int id, string classId, int width, int height, params int[] runs) =>
        new(Id(id), classId, MaskGeometry.FromRuns(width, height, runs)!, ValueList<Classification>.Empty, AnnotationSource.Human);

    public static Annotation Span(int id, string classId, int start, int end) =>
        new(Id(id), classId, new TextSpan(start, end), ValueList<Classification>.Empty, AnnotationSource.Human);

    public static Annotation Answer(int id, string questionId, ClassificationAnswer answer) =>
        new(Id(id), questionId, answer, AnnotationSource.Human);

    public static Classification Attribute(string questionId, ClassificationAnswer answer) => new(questionId, answer);
}
