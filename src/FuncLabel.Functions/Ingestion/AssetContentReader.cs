using System.Buffers;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FuncLabel.Domain.Ingestion;

namespace FuncLabel.Functions.Ingestion;

/// <summary>What reading an asset blob found.</summary>
internal sealed record AssetContent(string ETag, long Size, string Sha256, ContentKind Kind, PixelSize? Dimensions, long? CodePoints);

/// <summary>
/// Reads an asset blob with constant memory: range reads of the head for the content type and image dimensions
/// (plus small range reads that follow JPEG segments), then one streamed pass over the whole blob for SHA-256 and,
/// for text, the code-point count.
/// </summary>
/// <remarks>
/// The head and the streamed pass must describe the same bytes: the pass is pinned to the head's ETag by comparing the
/// ETags of both responses, and a blob replaced in between is read again from the start (a few times at most).
/// Memory: one pooled 80 KiB buffer plus the 64 KiB head, whatever the blob size.
/// </remarks>
internal static class AssetContentReader
{
    public const int HeadBytes = 64 * 1024;
    private const int JpegStepBytes = 4 * 1024;
    private const int MaxJpegSteps = 64;
    private const int StreamBufferBytes = 80 * 1024;

    /// <summary>Null when the blob does not exist (deleted since the event).</summary>
    public static async Task<AssetContent?> ReadAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var head = await ReadRangeAsync(blob, 0, HeadBytes, cancellationToken).ConfigureAwait(false);
            if (head is null)
            {
                return null;
            }

            var kind = ContentSniffer.Sniff(head.Value.Bytes);
            var dimensions = kind == ContentKind.Jpeg
                ? await JpegSizeAsync(blob, head.Value.Bytes, cancellationToken).ConfigureAwait(false)
                : ImageDimensions.Read(kind, head.Value.Bytes);

            var streamed = await HashAsync(blob, kind == ContentKind.Text, cancellationToken).ConfigureAwait(false);
            if (streamed is null)
            {
                return null;
            }

            if (streamed.Value.ETag != head.Value.ETag && head.Value.ETag.Length > 0 && attempt < 3)
            {
                continue; // replaced between the head and the pass: read the new bytes
            }

            var (etag, size, sha, codePoints) = streamed.Value;
            if (kind == ContentKind.Text && codePoints is null)
            {
                kind = ContentKind.Binary; // not UTF-8 after all
            }

            return new AssetContent(etag, size, sha, kind, dimensions, codePoints);
        }
    }

    private static async Task<(byte[] Bytes, string ETag)?> ReadRangeAsync(BlobClient blob, long offset, int length, CancellationToken cancellationToken)
    {
        try
        {
            var response = await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(offset, length) }, cancellationToken).ConfigureAwait(false);
            return (response.Value.Content.ToArray(), response.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 416)
        {
            return ([], ""); // a range past the end (an empty blob, or a JPEG segment pointing beyond the file)
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static async Task<PixelSize?> JpegSizeAsync(BlobClient blob, byte[] head, CancellationToken cancellationToken)
    {
        var window = head;
        long windowStart = 0;
        var step = JpegFrameScan.Scan(window, windowStart, 2);
        for (var i = 0; i < MaxJpegSteps && step is { Size: null, NextPosition: { } next }; i++)
        {
            var range = await ReadRangeAsync(blob, next, JpegStepBytes, cancellationToken).ConfigureAwait(false);
            if (range is not { Bytes.Length: > 0 })
            {
                return null;
            }

            (window, windowStart) = (range.Value.Bytes, next);
            if (window.Length < 9)
            {
                return null;
            }

            step = JpegFrameScan.Scan(window, windowStart, next);
        }

        return step.Size;
    }

    private static async Task<(string ETag, long Size, string Sha256, long? CodePoints)?> HashAsync(BlobClient blob, bool countText, CancellationToken cancellationToken)
    {
        BlobDownloadStreamingResult download;
        try
        {
            download = (await blob.DownloadStreamingAsync(new BlobDownloadOptions(), cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        using (download)
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var counter = countText ? new Utf8CodePointCounter() : null;
            var buffer = ArrayPool<byte>.Shared.Rent(StreamBufferBytes);
            long size = 0;
            try
            {
                int read;
                while ((read = await download.Content.ReadAsync(buffer.AsMemory(0, StreamBufferBytes), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    counter?.Append(buffer.AsSpan(0, read));
                    size += read;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            var codePoints = counter is { IsCompleteAndValid: true } ? counter.CodePoints : (long?)null;
            return (download.Details.ETag.ToString(), size, Convert.ToHexStringLower(sha.GetHashAndReset()), codePoints);
        }
    }
}
