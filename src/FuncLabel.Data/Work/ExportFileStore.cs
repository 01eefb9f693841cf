using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs;
using FuncLabel.Data.Storage;

namespace FuncLabel.Data.Work;

/// <summary>
/// The files of label exports: blob container <c>exports</c>, <c>{projectId}/{jobId}/{exportId}/{fileName}</c>.
/// Writes replace, so an export message delivered twice rewrites the same files.
/// </summary>
internal sealed class ExportFileStore(BlobServiceClient blobs)
{
    private readonly ContainerOnce _container = new(blobs.GetBlobContainerClient(StorageNames.BlobContainers.Exports));

    public static string BlobName(string projectId, string jobId, string exportId, string fileName) => $"{projectId}/{jobId}/{exportId}/{fileName}";

    /// <summary>Writes one file of the export; returns its blob name (what the export document lists).</summary>
    public async Task<string> WriteAsync(
        string projectId, string jobId, string exportId, string fileName, BinaryData content, string contentType, CancellationToken cancellationToken)
    {
        var name = BlobName(projectId, jobId, exportId, fileName);
        var container = await _container.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await container.GetBlobClient(name).UploadAsync(
            content,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType }, TransferOptions = BlobTransfer.Options },
            cancellationToken).ConfigureAwait(false);
        return name;
    }
}
