using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Geometry;

/// <summary>
/// A span of a text asset, as in Labelbox's <c>location {start, end}</c>: 0-based offsets in Unicode code points
/// (not UTF-16 units, not bytes), <paramref name="End"/> inclusive, so a one-character span has Start == End.
/// </summary>
public sealed record TextSpan(int Start, int End) : AnnotationGeometry
{
    public override Tool Tool => Tool.Entity;

    /// <summary>Number of code points covered (End - Start + 1).</summary>
    public int Length => End - Start + 1;
}
