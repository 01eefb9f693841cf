using FuncLabel.Domain.Geometry;

namespace FuncLabel.Domain.Export;

/// <summary>
/// Converts a <see cref="MaskGeometry"/> (row-major runs) to COCO's uncompressed RLE: alternating counts starting with
/// background, over the pixels in <b>column-major</b> order (column 0 top to bottom, then column 1, …), with
/// <c>size = [height, width]</c>, as pycocotools' <c>frPyObjects</c> expects.
/// </summary>
/// <remarks>The mask is expanded to one byte per pixel to transpose it; export runs once per label, so the simple
/// O(width × height) pass is preferred over run-interval arithmetic.</remarks>
public static class CocoRle
{
    public static IReadOnlyList<int> ColumnMajorCounts(MaskGeometry mask)
    {
        var pixels = new bool[(long)mask.Width * mask.Height];
        foreach (var (start, length) in mask.ForegroundRuns())
        {
            pixels.AsSpan((int)start, length).Fill(true);
        }

        var counts = new List<int>();
        var current = false;
        var run = 0;
        for (var x = 0; x < mask.Width; x++)
        {
            for (var y = 0; y < mask.Height; y++)
            {
                var value = pixels[((long)y * mask.Width) + x];
                if (value != current)
                {
                    counts.Add(run);
                    current = value;
                    run = 0;
                }

                run++;
            }
        }

        counts.Add(run);
        return counts;
    }

    /// <summary>The tight pixel bounding box of the foreground as [x, y, width, height]; all zeros for an empty mask.</summary>
    public static (int X, int Y, int Width, int Height) Bounds(MaskGeometry mask)
    {
        int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
        foreach (var (start, length) in mask.ForegroundRuns())
        {
            var first = start;
            var last = start + length - 1;
            var firstRow = (int)(first / mask.Width);
            var lastRow = (int)(last / mask.Width);
            minY = Math.Min(minY, firstRow);
            maxY = Math.Max(maxY, lastRow);
            if (firstRow != lastRow)
            {
                minX = 0;
                maxX = mask.Width - 1;
            }
            else
            {
                minX = Math.Min(minX, (int)(first % mask.Width));
                maxX = Math.Max(maxX, (int)(last % mask.Width));
            }
        }

        return maxX < 0 ? (0, 0, 0, 0) : (minX, minY, maxX - minX + 1, maxY - minY + 1);
    }
}
