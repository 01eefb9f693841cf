using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FuncLabel.Data.Storage;
using FuncLabel.Domain.Reports;

namespace FuncLabel.Data.Reports;

/// <summary>A report date of one kind and the formats written for it.</summary>
internal sealed record StoredReport(DateOnly Day, ReportKind Kind, IReadOnlyList<ReportFileFormat> Formats, DateTimeOffset LastModified);

/// <summary>
/// The report files in blob container <c>reports</c>: <c>{projectId|org}/{yyyy-MM-dd}/{kind}.{json|csv|html}</c>.
/// Writes are unconditional overwrites, so a rebuild of a date replaces the same three blobs and a timer delivered
/// twice leaves one set. The blob listing is the index of what exists (no separate document to keep in step).
/// </summary>
internal sealed class ReportBlobStore(BlobServiceClient blobs)
{
    private readonly ContainerOnce _container = new(blobs.GetBlobContainerClient(StorageNames.BlobContainers.Reports));

    private BlobContainerClient Container => _container.Client;

    public static string BlobName(string scope, DateOnly day, ReportKind kind, ReportFileFormat format) =>
        $"{scope}/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{ReportFiles.Name(kind)}.{ReportFiles.Extension(format)}";

    public async Task WriteAsync(string scope, DateOnly day, ReportKind kind, ReportFileFormat format, BinaryData content, CancellationToken cancellationToken)
    {
        var container = await _container.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await container.GetBlobClient(BlobName(scope, day, kind, format))
            .UploadAsync(
                content,
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ReportFiles.ContentType(format) }, TransferOptions = BlobTransfer.Options },
                cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The file's bytes, or null when that report was never built (or the container does not exist yet).</summary>
    public async Task<BinaryData?> ReadAsync(string scope, DateOnly day, ReportKind kind, ReportFileFormat format, CancellationToken cancellationToken)
    {
        try
        {
            var download = await Container.GetBlobClient(BlobName(scope, day, kind, format)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Every report of the scope, newest date first, kinds in enum order; names that do not parse are skipped.</summary>
    public async Task<IReadOnlyList<StoredReport>> ListAsync(string scope, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(DateOnly Day, ReportKind Kind), (List<ReportFileFormat> Formats, DateTimeOffset Modified)>();
        try
        {
            await foreach (var blob in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = scope + "/" }, cancellationToken).ConfigureAwait(false))
            {
                if (Parse(scope, blob.Name) is not { } name)
                {
                    continue;
                }

                var key = (name.Day, name.Kind);
                var entry = found.TryGetValue(key, out var existing) ? existing : ([], DateTimeOffset.MinValue);
                entry.Formats.Add(name.Format);
                var modified = blob.Properties.LastModified ?? DateTimeOffset.MinValue;
                found[key] = (entry.Formats, modified > entry.Modified ? modified : entry.Modified);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }

        return [.. found
            .OrderByDescending(f => f.Key.Day).ThenBy(f => f.Key.Kind)
            .Select(f => new StoredReport(f.Key.Day, f.Key.Kind, [.. f.Value.Formats.Order()], f.Value.Modified))];
    }

    /// <summary>The newest date for which <paramref name="kind"/> was built in the scope, or null.</summary>
    public async Task<DateOnly?> LatestAsync(string scope, ReportKind kind, CancellationToken cancellationToken) =>
        (await ListAsync(scope, cancellationToken).ConfigureAwait(false)).Where(r => r.Kind == kind).Select(r => (DateOnly?)r.Day).FirstOrDefault();

    private static (DateOnly Day, ReportKind Kind, ReportFileFormat Format)? Parse(string scope, string name)
    {
        var parts = name.Split('/');
        if (parts.Length != 3 || parts[0] != scope
            || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return null;
        }

        var dot = parts[2].LastIndexOf('.');
        return dot > 0 && ReportFiles.TryParseKind(parts[2][..dot], out var kind) && ReportFiles.TryParseFormat(parts[2][(dot + 1)..], out var format)
            ? (day, kind, format)
            : null;
    }
}
