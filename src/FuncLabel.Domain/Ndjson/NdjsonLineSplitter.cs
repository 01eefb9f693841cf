using System.Buffers;
using System.Runtime.CompilerServices;

namespace FuncLabel.Domain.Ndjson;

/// <summary>One line of the input: its 1-based number and bytes (without the newline), or a marker that it was too long.</summary>
/// <remarks><see cref="Bytes"/> points into the splitter's buffer and is valid only until the enumerator moves on.</remarks>
internal readonly record struct NdjsonLine(long Number, ReadOnlyMemory<byte> Bytes, bool TooLong);

/// <summary>
/// Splits a stream into lines with one pooled buffer that grows to at most the longest accepted line, so memory is
/// bounded by <c>maxLineBytes</c> and not by the file. Accepts LF and CRLF; skips a leading UTF-8 BOM. A line longer
/// than the limit is reported once as <see cref="NdjsonLine.TooLong"/> and its remaining bytes are discarded as they stream by.
/// </summary>
internal static class NdjsonLineSplitter
{
    private const int InitialBuffer = 64 * 1024;

    public static async IAsyncEnumerable<NdjsonLine> SplitAsync(Stream stream, int maxLineBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBuffer, maxLineBytes + 1));
        try
        {
            int start = 0, end = 0, scanned = 0;
            long lineNumber = 0;
            var skippingLongLine = false;
            var eof = false;
            var first = true;
            while (true)
            {
                var newline = buffer.AsSpan(scanned, end - scanned).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    var lineEnd = scanned + newline;
                    lineNumber++;
                    if (!skippingLongLine)
                    {
                        yield return lineEnd - start > maxLineBytes
                            ? new NdjsonLine(lineNumber, ReadOnlyMemory<byte>.Empty, true)
                            : new NdjsonLine(lineNumber, TrimLine(buffer, start, lineEnd, ref first), false);
                    }

                    skippingLongLine = false;
                    start = scanned = lineEnd + 1;
                    continue;
                }

                scanned = end;
                if (eof)
                {
                    if (end > start && !skippingLongLine)
                    {
                        yield return end - start > maxLineBytes
                            ? new NdjsonLine(lineNumber + 1, ReadOnlyMemory<byte>.Empty, true)
                            : new NdjsonLine(lineNumber + 1, TrimLine(buffer, start, end, ref first), false);
                    }

                    yield break;
                }

                if (skippingLongLine)
                {
                    start = scanned = end = 0;
                }
                else if (end - start > maxLineBytes)
                {
                    lineNumber++;
                    yield return new NdjsonLine(lineNumber, ReadOnlyMemory<byte>.Empty, true);
                    lineNumber--;
                    skippingLongLine = true;
                    start = scanned = end = 0;
                }
                else if (start > 0)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    end -= start;
                    scanned -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxLineBytes + 2));
                    buffer.AsSpan(0, end).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    eof = true;
                }

                end += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ReadOnlyMemory<byte> TrimLine(byte[] buffer, int start, int end, ref bool first)
    {
        if (first)
        {
            first = false;
            if (end - start >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF)
            {
                start += 3;
            }
        }

        if (end > start && buffer[end - 1] == (byte)'\r')
        {
            end--;
        }

        return buffer.AsMemory(start, end - start);
    }
}
