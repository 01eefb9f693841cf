namespace FuncLabel.Domain.Geometry;

/// <summary>Why <see cref="GeometryPolicy"/> refused a geometry.</summary>
public enum GeometryProblemKind
{
    /// <summary>NaN or infinity, negative or zero size, too few distinct points, zero area, inverted span.</summary>
    Invalid,

    /// <summary>Outside the asset: negative coordinates, beyond the known width/height/code-point count, or beyond
    /// <see cref="GeometryPolicy.MaxCoordinate"/>.</summary>
    OutOfBounds,
}

/// <summary>A refusal: kind, the offending field relative to the geometry (e.g. <c>width</c>, <c>[3].x</c>, <c>end</c>), and a message.</summary>
public sealed record GeometryProblem(GeometryProblemKind Kind, string Field, string Message);

/// <summary>The outcome of <see cref="GeometryPolicy.Check"/>: the accepted (possibly repaired) geometry, or the problem.</summary>
/// <param name="Geometry">Null exactly when <paramref name="Problem"/> is set.</param>
/// <param name="Repaired">True when the accepted geometry differs from the input because it was repaired.</param>
public sealed record GeometryCheck(AnnotationGeometry? Geometry, bool Repaired, GeometryProblem? Problem)
{
    public static GeometryCheck Accept(AnnotationGeometry geometry, bool repaired = false) => new(geometry, repaired, null);

    public static GeometryCheck Reject(GeometryProblemKind kind, string field, string message) => new(null, false, new GeometryProblem(kind, field, message));
}

/// <summary><see cref="GeometryCheck"/> as a value, so a check allocates nothing unless it refuses.</summary>
internal readonly record struct GeometryVerdict(AnnotationGeometry? Geometry, bool Repaired, GeometryProblem? Problem)
{
    public static GeometryVerdict Accept(AnnotationGeometry geometry, bool repaired = false) => new(geometry, repaired, null);

    public static GeometryVerdict Reject(GeometryProblemKind kind, string field, string message) => new(null, false, new GeometryProblem(kind, field, message));
}
