using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FuncLabel.Data.Storage;

namespace FuncLabel.Data.Imports;

/// <summary>
/// The files of pre-label imports: the uploaded NDJSON in container <c>prelabels</c> at
/// <c>{projectId}/{importId}.ndjson</c>, and the rejected lines in container <c>imports</c> at
/// <c>{projectId}/{importId}.errors.ndjson</c> (never in <c>prelabels</c>, whose blobs trigger imports).
/// </summary>
internal sealed class ImportFileStore(BlobServiceClient blobs, BlobUrlSigner urls)
{
    private const string NdjsonContentType = "application/x-ndjson";
    private readonly ContainerOnce _prelabels = new(blobs.GetBlobContainerClient(StorageNames.BlobContainers.Prelabels));
    private readonly ContainerOnce _errors = new(blobs.GetBlobContainerClient(StorageNames.BlobContainers.Imports));

    public static string PrelabelFileName(string projectId, string importId) => $"{projectId}/{importId}.ndjson";

    public static string ErrorFileName(string projectId, string importId) => $"{projectId}/{importId}.errors.ndjson";

    /// <summary>A create-only URL for the import's NDJSON file; creates the container on first use.</summary>
    public async Task<Uri> CreatePrelabelUploadUrlAsync(string projectId, string importId, TimeSpan validFor, CancellationToken cancellationToken)
    {
        await _prelabels.ReadyAsync(cancellationToken).ConfigureAwait(false);
        return await urls.CreateUploadUrlAsync(StorageNames.BlobContainers.Prelabels, PrelabelFileName(projectId, importId), validFor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The import's NDJSON file as a network stream with its ETag, Last-Modified and length; null when it is gone.</summary>
    public Task<BlobDownloadStreamingResult?> OpenPrelabelFileAsync(string projectId, string importId, CancellationToken cancellationToken) =>
        OpenAsync(_prelabels.Client.GetBlobClient(PrelabelFileName(projectId, importId)), cancellationToken);

    /// <summary>A pre-label file as a stream (a blob trigger's client), or null when it no longer exists.</summary>
    public static async Task<BlobDownloadStreamingResult?> OpenAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.DownloadStreamingAsync(new BlobDownloadOptions(), cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Writes (or replaces) the import's error file from <paramref name="content"/>'s position to its end; returns its blob name.</summary>
    public async Task<string> WriteErrorFileAsync(string projectId, string importId, Stream content, CancellationToken cancellationToken)
    {
        var name = ErrorFileName(projectId, importId);
        var container = await _errors.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await container.GetBlobClient(name).UploadAsync(
            content,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = NdjsonContentType }, TransferOptions = BlobTransfer.Options },
            cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>A read-only URL of an error file named by <see cref="ErrorFileName"/>.</summary>
    public Task<Uri> CreateErrorFileReadUrlAsync(string errorFile, TimeSpan validFor, CancellationToken cancellationToken) =>
        urls.CreateReadUrlAsync(StorageNames.BlobContainers.Imports, errorFile, validFor, cancellationToken);
}
