namespace FuncLabel.Domain.Geometry;

/// <summary>A point in image pixels, origin at the top-left corner, x to the right, y downwards.</summary>
public readonly record struct PixelPoint(double X, double Y);
