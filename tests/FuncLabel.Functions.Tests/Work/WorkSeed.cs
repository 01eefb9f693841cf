using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Work;
using FuncLabel.Functions.Work;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Work;

/// <summary>
/// Steps work tests repeat, on any app instance (its services and clock): store assets as ingestion would, create and
/// launch a job through the API, and create its work items with the real <see cref="WorkCreation"/> when no queue pump
/// runs (the launch's <c>job-launch</c> message is then left unread).
/// </summary>
internal static class WorkSeed
{
    /// <summary>Stores one asset as ingestion would (version 1, 640 × 480, a SHA-256 derived from the path).</summary>
    public static async Task<AssetDocument> AssetAsync(IServiceProvider services, string projectId, string path, DateTimeOffset at)
    {
        var asset = new AssetDocument
        {
            Id = Domain.Ingestion.HashedIds.AssetId(projectId, path),
            Pk = projectId,
            ProjectId = projectId,
            GlobalKey = path,
            Current = new AssetVersion(1, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path))), 1000, "image/png", 640, 480, null, "etag", at),
            CreatedAt = at,
        };
        asset = asset with { Versions = [asset.Current!] };
        var created = await services.GetRequiredService<CosmosDatabase>().Container(ContainerDefinitions.Assets).CreateAsync(asset, CancellationToken.None);
        Assert.True(created.Succeeded, $"asset {path}: {created.Failure}");
        return asset;
    }

    /// <summary>Creates a project as <paramref name="owner"/> (an admin) with each (user, role) membership.</summary>
    public static async Task ProjectAsync(HttpClient owner, string projectId, params (string User, string Role)[] members)
    {
        using var created = await owner.PostAsJsonAsync("/api/projects", new { id = projectId, name = "Project " + projectId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        foreach (var (user, role) in members)
        {
            using var put = await owner.PutAsJsonAsync($"/api/projects/{projectId}/members/{user}", new { role });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
    }

    /// <summary>Creates a job through the API as <paramref name="owner"/> and launches it.</summary>
    public static async Task CreateAndLaunchAsync(HttpClient owner, string projectId, string jobId, int passesPerFile, int reviewFrequency)
    {
        using var created = await owner.PostAsJsonAsync($"/api/projects/{projectId}/jobs", new { id = jobId, name = jobId, passesPerFile, reviewFrequency });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var launched = await owner.PostAsync($"/api/projects/{projectId}/jobs/{jobId}/launch", null);
        Assert.Equal(HttpStatusCode.OK, launched.StatusCode);
    }

    /// <summary>
    /// An active job with one asset's work item, created directly with <see cref="WorkCreation"/> (as the launch
    /// pager would); returns the asset.
    /// </summary>
    public static async Task<AssetDocument> ActiveJobWithOneAssetAsync(IServiceProvider services, TimeProvider time, HttpClient owner, string projectId, string jobId, int passesPerFile = 1, int reviewFrequency = 0)
    {
        var asset = await AssetAsync(services, projectId, $"{jobId}/a.png", time.GetUtcNow());
        await CreateAndLaunchAsync(owner, projectId, jobId, passesPerFile, reviewFrequency);
        var job = await services.GetRequiredService<JobStore>().GetAsync(projectId, jobId, CancellationToken.None);
        await services.GetRequiredService<WorkCreation>().EnsureAsync(job!, asset, CancellationToken.None);
        return asset;
    }

    /// <summary>
    /// Creates and launches a job through the API, then the work item of an already stored (e.g. ingested) asset with
    /// the real <see cref="WorkCreation"/>, as the launch pager would.
    /// </summary>
    public static async Task LaunchOnAssetAsync(IServiceProvider services, HttpClient owner, string projectId, string jobId, string assetId, int passesPerFile = 1, int reviewFrequency = 0)
    {
        await CreateAndLaunchAsync(owner, projectId, jobId, passesPerFile, reviewFrequency);
        var job = await services.GetRequiredService<JobStore>().GetAsync(projectId, jobId, CancellationToken.None);
        var asset = await services.GetRequiredService<Data.Assets.AssetStore>().GetAsync(projectId, assetId, CancellationToken.None);
        await services.GetRequiredService<WorkCreation>().EnsureAsync(job!, asset!, CancellationToken.None);
    }

    /// <summary>Claims a task of <paramref name="kind"/>; fails the test unless one is served.</summary>
    public static async Task<JsonNode> ClaimAsync(HttpClient client, string projectId, string jobId, string kind)
    {
        using var claim = await client.PostAsJsonAsync($"/api/projects/{projectId}/jobs/{jobId}/tasks/claim", new { kind });
        Assert.True(claim.StatusCode == HttpStatusCode.OK, $"claim {kind}: {(int)claim.StatusCode} {await claim.Content.ReadAsStringAsync()}");
        return await claim.JsonAsync();
    }

    /// <summary>One box annotation of class <paramref name="schemaId"/> (a new uuid each call).</summary>
    public static object Box(double left, double top, double width = 50, double height = 40, string schemaId = "car") =>
        new { uuid = Guid.NewGuid(), schemaId, geometry = new { kind = "bbox", left, top, width, height }, source = "human" };

    /// <summary>Submits <paramref name="annotations"/> for a claimed draw task.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string projectId, string jobId, JsonNode task, params object[] annotations) =>
        client.PostAsJsonAsync($"/api/projects/{projectId}/jobs/{jobId}/tasks/{task["id"]}/submit", new { assetVersion = (string)task["assetVersion"]!, annotations });

    /// <summary>
    /// Runs the real <c>task-events</c> handling for a submission answered with <paramref name="submitted"/> (its
    /// task view), as the queue would deliver it, without reading a queue.
    /// </summary>
    public static async Task<string> FanOutSubmissionAsync(IServiceProvider services, string projectId, string jobId, JsonNode submitted)
    {
        var assetId = (string)submitted["assetId"]!;
        int pass = (int)submitted["pass"]!, attempt = (int)submitted["attempt"]!;
        long version = (long)submitted["version"]!;
        var message = new WorkMessage($"submitted:{jobId}:{assetId}:{pass}:{attempt}:v{version}", WorkMessageKind.Submitted, projectId, jobId, assetId, pass, attempt);
        return await services.GetRequiredService<TaskFanOut>().HandleAsync(message, CancellationToken.None);
    }
}
