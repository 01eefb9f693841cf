namespace FuncLabel.Domain.Geometry;

/// <summary>An 8-bit RGB colour, as in Labelbox's <c>colorRGB [r, g, b]</c>.</summary>
public readonly record struct RgbColor(byte R, byte G, byte B);
