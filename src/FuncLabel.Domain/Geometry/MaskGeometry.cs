using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Geometry;

/// <summary>
/// A binary pixel mask of <paramref name="Width"/> × <paramref name="Height"/> pixels in run-length form.
/// </summary>
/// <param name="Width">Mask width in pixels (the asset's width).</param>
/// <param name="Height">Mask height in pixels.</param>
/// <param name="Runs">Alternating run lengths over the pixels in <b>row-major</b> order (row 0 left to right, then
/// row 1, …), starting with a run of background (0) pixels, then foreground (1), then background, …. The first run
/// may be 0 (the mask starts with foreground); every other run is positive; the runs sum to Width × Height.
/// This canonical form makes equal masks have equal <see cref="Runs"/>.</param>
/// <remarks>
/// Row-major because that is how PNG rows decode and how IoU walks two masks in step. COCO's uncompressed RLE uses
/// the same alternation but column-major order; <see cref="Export.CocoRle"/> converts. Build instances with
/// <see cref="MaskRunLengthBuilder"/> or <see cref="FromRuns"/>, which canonicalise.
/// </remarks>
public sealed record MaskGeometry(int Width, int Height, ValueList<int> Runs) : AnnotationGeometry
{
    public override Tool Tool => Tool.Mask;

    /// <summary>Number of foreground pixels (the sum of the odd-indexed runs).</summary>
    public long Area
    {
        get
        {
            long area = 0;
            for (var i = 1; i < Runs.Count; i += 2)
            {
                area += Runs[i];
            }

            return area;
        }
    }

    /// <summary>
    /// Canonicalises alternating run lengths (background first) into a mask: merges across zero-length runs and
    /// drops trailing zeros. Returns null when a run is negative or the runs do not cover exactly Width × Height.
    /// </summary>
    public static MaskGeometry? FromRuns(int width, int height, IEnumerable<int> runs)
    {
        if (width <= 0 || height <= 0)
        {
            return null;
        }

        var builder = new MaskRunLengthBuilder(width, height);
        var foreground = false;
        foreach (var run in runs)
        {
            if (run < 0)
            {
                return null;
            }

            if (!builder.TryAppend(foreground, run))
            {
                return null;
            }

            foreground = !foreground;
        }

        return builder.TryBuild();
    }

    /// <summary>The foreground pixel runs as (row-major start index, length) pairs, in order.</summary>
    public IEnumerable<(long Start, int Length)> ForegroundRuns()
    {
        long position = 0;
        for (var i = 0; i < Runs.Count; i++)
        {
            if (i % 2 == 1)
            {
                yield return (position, Runs[i]);
            }

            position += Runs[i];
        }
    }
}
