using FuncLabel.Data;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Imports;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FuncLabel.Functions.Ingestion;

/// <summary>
/// <c>POST projects/{projectId}/uploads</c>: a short-lived, create-only (<c>sp=c</c>) SAS URL for one blob —
/// <c>assets/{projectId}/{path}</c> (<c>{"kind":"asset","path":"images/cat.png"}</c>) or
/// <c>prelabels/{projectId}/{importId}.ndjson</c> (<c>{"kind":"prelabels","importId":"…"}</c>, id generated when
/// absent). The request is recorded (upload document + ledger event <c>upload.requested</c> by the caller), and the
/// import record later names that person as <c>requestedBy</c>.
/// </summary>
internal static class UploadsApi
{
    public static readonly TimeSpan UrlLifetime = TimeSpan.FromMinutes(15);

    

    public static async Task<Results<Ok<UploadView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string projectId, UploadRequest request, HttpContext http, [AsParameters] UploadServices services, CancellationToken cancellationToken)
    {
        var isAsset = request.Kind == "asset";
        var errors = new FieldErrors()
            .Check(request.Kind is "asset" or "prelabels", "kind", "is required: asset or prelabels")
            .Check(!isAsset || AssetPath.IsValidPath(request.Path), "path", "a relative path of 1–1024 characters without empty, '.' or '..' segments, backslashes or control characters")
            .Check(isAsset || request.ImportId is null || Ids.IsResourceId(request.ImportId), "importId", "must be 3–63 characters: a-z, 0-9 and '-'");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var importId = isAsset ? null : request.ImportId ?? "i-" + Guid.NewGuid().ToString("N")[..16];
        var container = isAsset ? StorageNames.BlobContainers.Assets : StorageNames.BlobContainers.Prelabels;
        var blobName = isAsset ? AssetContentStore.BlobName(projectId, request.Path!) : ImportFileStore.PrelabelFileName(projectId, importId!);
        var imports = services.Imports;
        if (importId is not null && await imports.GetAsync(projectId, importId, cancellationToken) is not null)
        {
            return Problems.Conflict("import_exists", $"Import '{importId}' already exists; choose another id.");
        }

        var now = services.Time.GetUtcNow();
        var current = await imports.GetUploadAsync(projectId, container, blobName, cancellationToken);
        var recorded = await imports.RecordUploadAsync(
            new UploadDocument
            {
                Id = UploadDocument.IdFor(container, blobName),
                Pk = projectId,
                ProjectId = projectId,
                Container = container,
                BlobName = blobName,
                ImportId = importId,
                RequestedBy = http.Caller().UserId,
                RequestedAt = now,
                ExpiresAt = now + UrlLifetime,
            },
            current,
            cancellationToken);
        if (!recorded.Succeeded)
        {
            return Problems.Conflict("concurrent_change", "Another upload URL for this blob was requested at the same time; retry.");
        }

        var url = isAsset
            ? await services.AssetContent.CreateUploadUrlAsync(projectId, request.Path!, UrlLifetime, cancellationToken)
            : await services.ImportFiles.CreatePrelabelUploadUrlAsync(projectId, importId!, UrlLifetime, cancellationToken);
        return TypedResults.Ok(new UploadView(url.ToString(), container, blobName, importId, now + UrlLifetime));
    }
}

/// <param name="Kind"><c>asset</c> or <c>prelabels</c>.</param>
/// <param name="Path">For assets: the path inside the project (becomes the asset's globalKey).</param>
/// <param name="ImportId">For pre-labels: the import id (generated when absent).</param>
internal sealed record UploadRequest(string? Kind, string? Path, string? ImportId);

/// <summary>PUT the bytes to <paramref name="Url"/> with <c>x-ms-blob-type: BlockBlob</c> before <paramref name="ExpiresAt"/>.</summary>
internal sealed record UploadView(string Url, string Container, string BlobName, string? ImportId, DateTimeOffset ExpiresAt);
