using System.Globalization;
using System.Net.Http.Headers;
using Azure;
using FuncLabel.Data;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Access;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Ingestion;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FuncLabel.Functions.Ingestion;

/// <summary>
/// Assets of a project (registered by ingestion, never created here) and the ingestion errors of uploads that could
/// not be registered. See docs/ingestion.md for the delete cascade.
/// </summary>
internal static class AssetsApi
{
    

    public static async Task<Ok<ListPage<AssetView>>> ListAsync(
        string projectId, int? limit, string? continuationToken, AssetStore assets, CancellationToken cancellationToken)
    {
        var page = await assets.ListAsync(projectId, ListLimits.Clamp(limit), continuationToken, cancellationToken);
        return TypedResults.Ok(new ListPage<AssetView>(page.Items.Select(AssetView.From).ToList(), page.ContinuationToken));
    }

    public static async Task<Results<Ok<AssetView>, ProblemHttpResult>> GetAsync(
        string projectId, string assetId, HttpContext http, AssetStore assets, CancellationToken cancellationToken)
    {
        var asset = await assets.GetAsync(projectId, assetId, cancellationToken);
        if (asset?.Current is null)
        {
            return Problems.NotFound($"Asset '{assetId}' was not found.");
        }

        Versions.SetETag(http.Response, asset.Version);
        return TypedResults.Ok(AssetView.From(asset));
    }

    /// <summary>
    /// Streams the current bytes from the blob (never buffered). One <c>Range: bytes=a-b</c> / <c>a-</c> / <c>-n</c> is
    /// honoured with 206 and <c>Content-Range</c>; an unsatisfiable range gets 416. The sniffed content type is sent,
    /// not the uploader's. If the blob was replaced since ingestion, 409 <c>asset_changed</c> (the bytes would not match
    /// the registered SHA-256) until the new version is ingested. Owners read any asset; other members the assets they
    /// hold a task on or may train on (<see cref="AssetContentAccess"/>), 404 otherwise.
    /// </summary>
    public static async Task<IResult> ContentAsync(
        string projectId, string assetId, HttpContext http, AssetStore assets, AssetContentStore content, AssetContentAccess access, CancellationToken cancellationToken)
    {
        if (!await access.AllowsAsync(http, projectId, assetId, cancellationToken))
        {
            return Problems.NotFound($"Asset '{assetId}' was not found.");
        }

        var asset = await assets.GetAsync(projectId, assetId, cancellationToken);
        if (asset?.Current is not { } current)
        {
            return Problems.NotFound($"Asset '{assetId}' was not found.");
        }

        HttpRange range = default;
        var status = StatusCodes.Status200OK;
        if (RangeHeaderValue.TryParse(http.Request.Headers.Range.ToString(), out var header) && header.Unit == "bytes" && header.Ranges.Count == 1)
        {
            var (from, to) = (header.Ranges.First().From, header.Ranges.First().To);
            long start = from ?? Math.Max(0, current.Size - (to ?? 0));
            long end = from is null ? current.Size - 1 : Math.Min(to ?? current.Size - 1, current.Size - 1);
            if (start >= current.Size || end < start)
            {
                http.Response.Headers.ContentRange = $"bytes */{current.Size.ToString(CultureInfo.InvariantCulture)}";
                return TypedResults.StatusCode(StatusCodes.Status416RangeNotSatisfiable);
            }

            range = new HttpRange(start, end - start + 1);
            status = StatusCodes.Status206PartialContent;
            http.Response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{end}/{current.Size}");
        }

        if (await content.OpenAsync(projectId, asset.GlobalKey, range, cancellationToken) is not { } download)
        {
            return Problems.NotFound($"The bytes of asset '{assetId}' are gone.");
        }

        if (download.Details.ETag.ToString() != current.BlobETag)
        {
            download.Dispose();
            return Problems.Conflict("asset_changed", "The blob was replaced; its new version is being ingested.");
        }

        http.Response.RegisterForDispose(download);
        http.Response.Headers.AcceptRanges = "bytes";
        http.Response.Headers.ETag = $"\"{current.Sha256}\"";
        return new StreamedContent(download.Content, download.Details.ContentLength, current.ContentType, status);
    }

    /// <summary>
    /// Deletes the asset. Cascade, in an order a retry can finish: the blob (so a re-announced upload cannot revive it),
    /// every document of the asset's <c>labels</c> partition, its content claim, then the asset becomes a tombstone
    /// (ledger <c>asset.deleted</c>), then <see cref="IAssetRegistrationListener.OnAssetDeletedAsync"/> (work items).
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string projectId, string assetId, HttpContext http, AssetStore assets, PrelabelStore prelabels, AssetContentStore content,
        IEnumerable<IAssetRegistrationListener> listeners, TimeProvider time, CancellationToken cancellationToken)
    {
        var asset = await assets.GetAsync(projectId, assetId, cancellationToken);
        if (asset?.Current is not { } current)
        {
            return Problems.NotFound($"Asset '{assetId}' was not found.");
        }

        if (!Versions.IfMatchAllows(http.Request, asset.Version))
        {
            return Problems.PreconditionFailed();
        }

        await content.DeleteAsync(projectId, asset.GlobalKey, cancellationToken); // false when already gone
        var labels = await prelabels.DeleteAllOfAssetAsync(assetId, cancellationToken);
        await assets.ReleaseContentAsync(projectId, current.Sha256, assetId, cancellationToken);
        var now = time.GetUtcNow();
        var saved = await assets.SaveAsync(
            asset with { Current = null, DeletedAt = now, UpdatedAt = now, DuplicateOf = null },
            new ChangeContext(http.Caller().UserId, now, projectId),
            "asset.deleted",
            new Dictionary<string, string> { ["path"] = asset.GlobalKey, ["labels"] = labels.ToString(CultureInfo.InvariantCulture) },
            cancellationToken);
        if (!saved.Succeeded)
        {
            return Problems.Conflict("concurrent_change", "The asset changed meanwhile (a new version?); read it again and retry.");
        }

        foreach (var listener in listeners)
        {
            await listener.OnAssetDeletedAsync(saved.Value, cancellationToken);
        }

        return TypedResults.NoContent();
    }

    public static async Task<Ok<ListPage<IngestErrorView>>> ListErrorsAsync(
        string projectId, int? limit, string? continuationToken, AssetStore assets, CancellationToken cancellationToken)
    {
        var page = await assets.ListErrorsAsync(projectId, ListLimits.Clamp(limit), continuationToken, cancellationToken);
        return TypedResults.Ok(new ListPage<IngestErrorView>(
            page.Items.Select(e => new IngestErrorView(e.Container, e.BlobName, e.Reason, e.Message, e.EventId, e.At)).ToList(), page.ContinuationToken));
    }

    /// <summary>Copies a blob stream to the response without buffering.</summary>
    private sealed class StreamedContent(Stream content, long length, string contentType, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = contentType;
            httpContext.Response.ContentLength = length;
            await content.CopyToAsync(httpContext.Response.Body, 81920, httpContext.RequestAborted);
        }
    }
}

internal sealed record AssetView(
    string Id, string GlobalKey, int Version, string Sha256, long Size, string ContentType, int? Width, int? Height, long? CodePoints,
    string? DuplicateOf, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<AssetVersion> Versions)
{
    public static AssetView From(AssetDocument a) => new(
        a.Id, a.GlobalKey, a.Current!.Number, a.Current.Sha256, a.Current.Size, a.Current.ContentType, a.Current.Width, a.Current.Height,
        a.Current.CodePoints, a.DuplicateOf, a.CreatedAt, a.UpdatedAt, a.Versions);
}

internal sealed record IngestErrorView(string Container, string BlobName, string Reason, string Message, string EventId, DateTimeOffset At);
