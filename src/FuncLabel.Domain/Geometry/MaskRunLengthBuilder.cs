using System.Collections.Immutable;
using FuncLabel.Domain.Collections;

namespace FuncLabel.Domain.Geometry;

/// <summary>
/// Accumulates pixels (or runs of equal pixels) in row-major order into the canonical run-length form of
/// <see cref="MaskGeometry"/>. Memory is proportional to the number of runs, not pixels, so decoding a large PNG
/// row by row never materialises the whole bitmap.
/// </summary>
public sealed class MaskRunLengthBuilder
{
    private readonly ImmutableArray<int>.Builder _runs = ImmutableArray.CreateBuilder<int>();
    private readonly long _total;
    private long _filled;
    private bool _currentIsForeground;
    private long _currentLength;

    public MaskRunLengthBuilder(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        _total = (long)width * height;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Appends <paramref name="count"/> pixels of one value. False when that would overflow the mask or a
    /// single run would exceed <see cref="int.MaxValue"/> pixels.</summary>
    public bool TryAppend(bool foreground, long count)
    {
        if (count < 0 || count > _total - _filled)
        {
            return false;
        }

        if (count == 0)
        {
            return true;
        }

        if (foreground != _currentIsForeground)
        {
            _runs.Add((int)_currentLength);
            _currentIsForeground = foreground;
            _currentLength = 0;
        }

        _currentLength += count;
        _filled += count;
        return _currentLength <= int.MaxValue;
    }

    /// <summary>Appends one pixel.</summary>
    public bool TryAppend(bool foreground) => TryAppend(foreground, 1);

    /// <summary>The mask, or null when fewer than Width × Height pixels were appended.</summary>
    public MaskGeometry? TryBuild()
    {
        if (_filled != _total || _currentLength > int.MaxValue)
        {
            return null;
        }

        var runs = _runs.ToImmutable().Add((int)_currentLength);
        return new MaskGeometry(Width, Height, ValueList.Wrap(runs));
    }
}
