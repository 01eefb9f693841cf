namespace FuncLabel.Domain.Geometry;

/// <summary>
/// What is known about an asset's size, for the out-of-bounds check: pixel dimensions for images (from the header
/// at ingestion) and the code-point count for UTF-8 text. Unknown dimensions are null and skip the check.
/// </summary>
public sealed record AssetExtent(int? Width, int? Height, long? CodePoints)
{
    /// <summary>Nothing known: bounds are not checked.</summary>
    public static AssetExtent Unknown { get; } = new(null, null, null);

    public static AssetExtent Image(int width, int height) => new(width, height, null);

    public static AssetExtent Text(long codePoints) => new(null, null, codePoints);
}
