using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using FuncLabel.Storage.Models;
using FuncLabel.Storage.Pipeline;

namespace FuncLabel.Storage;

/// <summary>One block blob: upload, download (whole, range, streamed), properties, metadata, delete.</summary>
public sealed class BlobClient
{
    private const int MinBlockSize = 64 * 1024;
    private const int MaxBlockSize = 100 * 1024 * 1024;

    internal BlobClient(BlobContainerClient container, string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 1024 || name.EndsWith('/'))
        {
            throw Errors.BlobName(name);
        }

        Container = container;
        Name = name;
        Uri = StorageUris.Append(container.Service.Uri, container.Name, name);
    }

    public string Name { get; }

    /// <summary>The blob's URL, each path segment percent-encoded.</summary>
    public Uri Uri { get; }

    public BlobContainerClient Container { get; }

    private StoragePipeline Pipeline => Container.Pipeline;

    /// <summary>
    /// Uploads <paramref name="content"/> from its current position to its end as a block blob.
    /// </summary>
    /// <remarks>
    /// Reads the stream into one buffer of <see cref="BlobUploadOptions.BlockSize"/>. If the stream ends before the
    /// buffer is full, that buffer is sent with a single Put Blob. Otherwise each full buffer is sent as a Put Block
    /// (ids: a random per-upload prefix and the block index, so concurrent uploads to the same name cannot mix blocks)
    /// and the list is committed with Put Block List, which also carries the content type, the metadata and the
    /// create-only condition. Memory is one buffer whatever the stream's length; blocks are sent one after another.
    /// </remarks>
    public async Task<Response<BlobContentInfo>> UploadAsync(
        Stream content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new BlobUploadOptions();
        if (options.BlockSize is < MinBlockSize or > MaxBlockSize)
        {
            throw Errors.BlockSize(options.BlockSize);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(options.BlockSize);
        try
        {
            var filled = await FillAsync(content, buffer.AsMemory(0, options.BlockSize), cancellationToken).ConfigureAwait(false);
            if (filled < options.BlockSize)
            {
                return await PutBlobAsync(buffer.AsMemory(0, filled), options, cancellationToken).ConfigureAwait(false);
            }

            var uploadId = RandomNumberGenerator.GetBytes(12);
            var blockIds = new List<string>();
            while (filled > 0)
            {
                var blockId = BlockId(uploadId, blockIds.Count);
                await PutBlockAsync(blockId, buffer.AsMemory(0, filled), cancellationToken).ConfigureAwait(false);
                blockIds.Add(blockId);
                filled = await FillAsync(content, buffer.AsMemory(0, options.BlockSize), cancellationToken).ConfigureAwait(false);
            }

            return await PutBlockListAsync(blockIds, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Uploads bytes already in memory: up to the block size straight from <paramref name="content"/> with one Put Blob
    /// (no copy, no buffer), above it in blocks like the stream overload.
    /// </summary>
    public async Task<Response<BlobContentInfo>> UploadAsync(
        BinaryData content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new BlobUploadOptions();
        var bytes = content.ToMemory();
        if (bytes.Length <= options.BlockSize)
        {
            return await PutBlobAsync(bytes, options, cancellationToken).ConfigureAwait(false);
        }

        await using var stream = content.ToStream();
        return await UploadAsync(stream, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Get Blob into memory: the whole blob, or <paramref name="range"/> of it (206).</summary>
    public async Task<Response<BlobDownloadResult>> DownloadContentAsync(HttpRange range = default, CancellationToken cancellationToken = default)
    {
        using var message = GetBlobMessage(range);
        var response = await Pipeline.SendAsync(message, cancellationToken, 200, 206).ConfigureAwait(false);
        return Response.FromValue(new BlobDownloadResult(response.Content, ResponseFields.Properties(response)), response);
    }

    /// <summary>
    /// Get Blob as the response's network stream, for blobs too large to hold in memory. Dispose the result to free
    /// the connection. The stream is not retried mid-way: on an <see cref="IOException"/> download the rest by range.
    /// </summary>
    public async Task<Response<BlobDownloadStreamingResult>> DownloadStreamingAsync(
        HttpRange range = default, CancellationToken cancellationToken = default)
    {
        var message = GetBlobMessage(range);
        message.BufferResponse = false;
        try
        {
            var response = await Pipeline.SendAsync(message, cancellationToken, 200, 206).ConfigureAwait(false);
            var stream = response.ContentStream ?? Stream.Null;
            var result = new BlobDownloadStreamingResult(
                stream, response.Headers.ContentLengthLong ?? 0, ResponseFields.Properties(response), owner: message);
            return Response.FromValue(result, response);
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException or IOException or FormatException)
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>Get Blob Properties (HEAD). A missing blob throws with status 404 and error code <c>BlobNotFound</c>.</summary>
    public async Task<Response<BlobProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Head, Uri);
        var response = await Pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(ResponseFields.Properties(response), response);
    }

    /// <summary>Set Blob Metadata: replaces all user metadata (an empty dictionary clears it); changes the ETag.</summary>
    public async Task<Response<BlobContentInfo>> SetMetadataAsync(
        IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        using var message = Pipeline.CreateMessage(RequestMethod.Put, Uri);
        message.Request.Uri.AppendQuery("comp", "metadata");
        AddMetadata(message.Request, metadata);
        var response = await Pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(ResponseFields.ContentInfo(response), response);
    }

    /// <summary>Delete Blob. A missing blob throws with status 404 and error code <c>BlobNotFound</c>.</summary>
    public async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Delete, Uri);
        return await Pipeline.SendAsync(message, cancellationToken, 202).ConfigureAwait(false);
    }

    private HttpMessage GetBlobMessage(HttpRange range)
    {
        var message = Pipeline.CreateMessage(RequestMethod.Get, Uri);
        if (range != default)
        {
            var end = range.Length is { } length ? (range.Offset + length - 1).ToString(CultureInfo.InvariantCulture) : string.Empty;
            message.Request.Headers.SetValue("x-ms-range", $"bytes={range.Offset.ToString(CultureInfo.InvariantCulture)}-{end}");
        }

        return message;
    }

    private async Task<Response<BlobContentInfo>> PutBlobAsync(
        ReadOnlyMemory<byte> content, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Put, Uri);
        var request = message.Request;
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        if (options.ContentType is { } contentType)
        {
            request.Headers.SetValue("Content-Type", contentType);
        }

        AddUploadConditions(request, options);
        request.Content = RequestContent.Create(content);
        var response = await Pipeline.SendAsync(message, cancellationToken, 201).ConfigureAwait(false);
        return Response.FromValue(ResponseFields.ContentInfo(response), response);
    }

    private async Task PutBlockAsync(string blockId, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Put, Uri);
        message.Request.Uri.AppendQuery("comp", "block");
        message.Request.Uri.AppendQuery("blockid", blockId);
        message.Request.Content = RequestContent.Create(content);
        await Pipeline.SendAsync(message, cancellationToken, 201).ConfigureAwait(false);
    }

    private async Task<Response<BlobContentInfo>> PutBlockListAsync(
        IReadOnlyList<string> blockIds, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Put, Uri);
        var request = message.Request;
        request.Uri.AppendQuery("comp", "blocklist");
        if (options.ContentType is { } contentType)
        {
            request.Headers.SetValue("x-ms-blob-content-type", contentType);
        }

        AddUploadConditions(request, options);
        var list = new XElement("BlockList", blockIds.Select(id => new XElement("Latest", id)));
        request.Headers.SetValue("Content-Type", "application/xml");
        request.Content = RequestContent.Create(BinaryData.FromString(list.ToString(SaveOptions.DisableFormatting)));
        var response = await Pipeline.SendAsync(message, cancellationToken, 201).ConfigureAwait(false);
        return Response.FromValue(ResponseFields.ContentInfo(response), response);
    }

    private static void AddUploadConditions(Request request, BlobUploadOptions options)
    {
        if (options.Metadata is { } metadata)
        {
            AddMetadata(request, metadata);
        }

        if (options.CreateOnly)
        {
            request.Headers.SetValue("If-None-Match", "*");
        }
    }

    private static void AddMetadata(Request request, IReadOnlyDictionary<string, string> metadata)
    {
        foreach (var (name, value) in metadata)
        {
            request.Headers.SetValue("x-ms-meta-" + name, value);
        }
    }

    /// <summary>All ids of one blob must have the same length: 12 random bytes + a 4-byte index, base64 (24 chars).</summary>
    private static string BlockId(byte[] uploadId, int index)
    {
        Span<byte> id = stackalloc byte[16];
        uploadId.CopyTo(id);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(id[12..], index);
        return Convert.ToBase64String(id);
    }

    private static async ValueTask<int> FillAsync(Stream source, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await source.ReadAsync(buffer[filled..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}
