namespace FuncLabel.Domain.Scoring.Similarity;

/// <summary>
/// An axis-aligned rectangle in pixels (origin top-left, y down), the closed-form input of
/// <see cref="BoxOverlap"/>. Min ≤ Max on both axes; a zero width or height is allowed.
/// </summary>
internal readonly record struct AxisBox(double MinX, double MinY, double MaxX, double MaxY)
{
    public double Area => (MaxX - MinX) * (MaxY - MinY);

    public static AxisBox FromLeftTop(double left, double top, double width, double height) =>
        new(left, top, left + width, top + height);
}
