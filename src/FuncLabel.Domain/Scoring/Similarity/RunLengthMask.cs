using NetTopologySuite.Geometries;

namespace FuncLabel.Domain.Scoring.Similarity;

/// <summary>
/// A binary mask prepared for <see cref="MaskOverlap"/>: its foreground as sorted, disjoint
/// half-open intervals of flattened pixel indices, its pixel area and its pixel envelope.
/// </summary>
/// <remarks>
/// Built from uncompressed run-length counts in the COCO convention: runs alternate background,
/// foreground, background…, the first run is background (possibly of length 0), and the counts
/// sum to width·height. <see cref="ColumnMajor"/> says whether indices run down columns (COCO) or
/// along rows; it only matters for the envelope, since two masks of the same size and order
/// overlap where their indices do.
/// </remarks>
internal sealed class RunLengthMask
{
    private RunLengthMask(int width, int height, bool columnMajor, int[] starts, int[] ends, long area, Envelope envelope)
    {
        Width = width;
        Height = height;
        ColumnMajor = columnMajor;
        Starts = starts;
        Ends = ends;
        Area = area;
        Envelope = envelope;
    }

    public int Width { get; }

    public int Height { get; }

    public bool ColumnMajor { get; }

    /// <summary>First pixel index of each foreground run.</summary>
    public int[] Starts { get; }

    /// <summary>One past the last pixel index of each foreground run.</summary>
    public int[] Ends { get; }

    public long Area { get; }

    /// <summary>The pixel-edge envelope of the foreground (a pixel (x, y) spans [x, x+1]×[y, y+1]); empty for an empty mask.</summary>
    public Envelope Envelope { get; }

    /// <summary>Prepares a mask; the counts must be non-negative and sum to width·height.</summary>
    public static RunLengthMask FromCounts(ReadOnlySpan<int> counts, int width, int height, bool columnMajor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        var starts = new List<int>();
        var ends = new List<int>();
        long position = 0;
        long area = 0;
        var envelope = new Envelope();
        for (int i = 0; i < counts.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(counts[i]);
            long end = position + counts[i];
            bool foreground = (i & 1) == 1;
            if (foreground && counts[i] > 0)
            {
                starts.Add(checked((int)position));
                ends.Add(checked((int)end));
                area += counts[i];
                IncludeRun(envelope, position, end, width, height, columnMajor);
            }

            position = end;
        }

        if (position != (long)width * height)
        {
            throw new ArgumentException($"Run lengths cover {position} pixels, the mask has {(long)width * height}.", nameof(counts));
        }

        return new RunLengthMask(width, height, columnMajor, [.. starts], [.. ends], area, envelope);
    }

    private static void IncludeRun(Envelope envelope, long start, long end, int width, int height, bool columnMajor)
    {
        long stride = columnMajor ? height : width;
        long firstLine = start / stride;
        long lastLine = (end - 1) / stride;
        long low = firstLine == lastLine ? start % stride : 0;
        long high = firstLine == lastLine ? ((end - 1) % stride) + 1 : stride;
        if (columnMajor)
        {
            envelope.ExpandToInclude(new Envelope(firstLine, lastLine + 1, low, high));
        }
        else
        {
            envelope.ExpandToInclude(new Envelope(low, high, firstLine, lastLine + 1));
        }
    }
}
