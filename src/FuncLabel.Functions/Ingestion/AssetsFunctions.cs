using Azure;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Outbox;
using FuncLabel.Data;
using FuncLabel.Domain.Access;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Ingestion;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker;
using System.Globalization;
using System.Net.Http.Headers;

namespace FuncLabel.Functions.Ingestion;

/// <summary>The HTTP functions of <see cref="AssetsApi"/>: each unpacks the request and calls its handler.</summary>
internal sealed class AssetsFunctions(AssetStore assets, AssetContentStore content, AssetContentAccess access, PrelabelStore prelabels, IEnumerable<IAssetRegistrationListener> listeners, TimeProvider time)
{
    [Function(nameof(ListAssets))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Assets", "Lists the project's assets.")]
    [Query("limit", typeof(int), "Page size, 1–200 (default 50).")]
    [Query("continuationToken", typeof(string), "Where the previous page ended.")]
    public Task<Ok<ListPage<AssetView>>> ListAssets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/assets")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        AssetsApi.ListAsync(projectId, QueryValues.Int32(req, "limit"), QueryValues.Text(req, "continuationToken"), assets, cancellationToken);

    [Function(nameof(GetAsset))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Assets", "Reads an asset with its versions.")]
    public Task<Results<Ok<AssetView>, ProblemHttpResult>> GetAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/assets/{assetId}")] HttpRequest req,
        string projectId,
        string assetId,
        CancellationToken cancellationToken) =>
        AssetsApi.GetAsync(projectId, assetId, req.HttpContext, assets, cancellationToken);

    [Function(nameof(GetAssetContent))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Assets", "Streams an asset's bytes (Range supported) to owners and holders of a task on it.")]
    public Task<IResult> GetAssetContent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/assets/{assetId}/content")] HttpRequest req,
        string projectId,
        string assetId,
        CancellationToken cancellationToken) =>
        AssetsApi.ContentAsync(projectId, assetId, req.HttpContext, assets, content, access, cancellationToken);

    [Function(nameof(DeleteAsset))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Assets", "Deletes an asset and its blob.")]
    public Task<Results<NoContent, ProblemHttpResult>> DeleteAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "projects/{projectId}/assets/{assetId}")] HttpRequest req,
        string projectId,
        string assetId,
        CancellationToken cancellationToken) =>
        AssetsApi.DeleteAsync(projectId, assetId, req.HttpContext, assets, prelabels, content, listeners, time, cancellationToken);

    [Function(nameof(ListIngestionErrors))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Assets", "Lists uploads that could not be ingested, with the reason.")]
    [Query("limit", typeof(int), "Page size, 1–200 (default 50).")]
    [Query("continuationToken", typeof(string), "Where the previous page ended.")]
    public Task<Ok<ListPage<IngestErrorView>>> ListIngestionErrors(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/ingestion-errors")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        AssetsApi.ListErrorsAsync(projectId, QueryValues.Int32(req, "limit"), QueryValues.Text(req, "continuationToken"), assets, cancellationToken);
}
