using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using FuncLabel.Data;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Work;

/// <summary>
/// Two projects that both name their job <c>main</c> and hold assets at the same paths: each project's work stays its
/// own — launches create every item of their own project, claims serve only the claimer's project, and progress and
/// exports count only the job's own project (the <c>work</c> partition is <c>{projectId}:{jobId}</c>).
/// </summary>
public sealed class ProjectIsolationTests(JobsApp app) : IClassFixture<JobsApp>
{
    private const string Job = "main";
    private const int Assets = 3;

    [Fact]
    public async Task SameJobIdAndPaths_InTwoProjects_ClaimsProgressAndExportsStayInTheirProject()
    {
        using var admin = app.ClientFor("iso-admin", admin: true);
        var (a, b) = ("pa-" + Guid.NewGuid().ToString("N")[..12], "pb-" + Guid.NewGuid().ToString("N")[..12]);
        await WorkSeed.ProjectAsync(admin, a, ("iso-a", "annotator"));
        await WorkSeed.ProjectAsync(admin, b, [.. Enumerable.Range(0, Assets).Select(i => ($"iso-b{i}", "annotator"))]);
        var assetsA = (await app.SeedAssetsAsync(a, Assets)).Select(x => x.Id).Order().ToList();
        var assetsB = (await app.SeedAssetsAsync(b, Assets)).Select(x => x.Id).Order().ToList();
        await WorkSeed.CreateAndLaunchAsync(admin, a, Job, passesPerFile: 1, reviewFrequency: 0);
        await WorkSeed.CreateAndLaunchAsync(admin, b, Job, passesPerFile: 1, reviewFrequency: 0);
        await app.PumpAsync();

        Assert.Equal(Assets, (int)(await ProgressAsync(admin, a))["assets"]!);
        Assert.Equal(Assets, (int)(await ProgressAsync(admin, b))["assets"]!);

        // Each member drains their own project's job: exactly its items, never the other project's.
        using var memberA = app.ClientFor("iso-a");
        var membersB = Enumerable.Range(0, Assets).Select(i => app.ClientFor($"iso-b{i}")).ToList();
        var drawnA = new List<string>();
        for (var task = await ClaimOrNullAsync(memberA, a); task is not null; task = await ClaimOrNullAsync(memberA, a))
        {
            drawnA.Add((string)task["assetId"]!);
            Assert.True(drawnA.Count <= 2 * Assets, "drew more items than both projects hold");
            using var submitted = await WorkSeed.SubmitAsync(memberA, a, Job, task, WorkSeed.Box(10, 10));
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }

        // B's members each hold one draw (a person's next claim would serve their held task again): B's items, all of them.
        var heldB = new List<string>();
        foreach (var member in membersB)
        {
            heldB.Add((string)(await WorkSeed.ClaimAsync(member, b, Job, "draw"))["assetId"]!);
        }

        Assert.Equal(assetsA, drawnA.Order());
        Assert.Equal(assetsB, heldB.Order());
        using (var mine = await membersB[0].GetAsync($"/api/projects/{b}/jobs/{Job}/tasks/mine"))
        {
            Assert.Equal(heldB[0], (string)(await mine.JsonAsync())["items"]!.AsArray().Single()!["assetId"]!);
        }

        // A's submissions reach consensus; B's claims are only held. Neither job's progress counts the other's items.
        await app.PumpAsync();
        var progressA = await ProgressAsync(admin, a);
        var progressB = await ProgressAsync(admin, b);
        Assert.Equal((Assets, Assets, 0), ((int)progressA["assets"]!, (int)progressA["consensus"]!["done"]!, (int)progressA["claimed"]!));
        Assert.Equal((Assets, 0, Assets), ((int)progressB["assets"]!, (int)progressB["consensus"]!["done"]!, (int)progressB["claimed"]!));

        Assert.Equal(assetsA, (await ExportedDataRowsAsync(admin, a)).Order());
        Assert.Empty(await ExportedDataRowsAsync(admin, b));
        membersB.ForEach(m => m.Dispose());
    }

    private static async Task<JsonNode?> ClaimOrNullAsync(HttpClient member, string projectId)
    {
        using var claim = await member.PostAsJsonAsync($"/api/projects/{projectId}/jobs/{Job}/tasks/claim", new { kind = "draw" });
        Assert.True(claim.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent, $"claim: {(int)claim.StatusCode}");
        return claim.StatusCode == HttpStatusCode.OK ? await claim.JsonAsync() : null;
    }

    private static async Task<JsonNode> ProgressAsync(HttpClient owner, string projectId)
    {
        using var progress = await owner.GetAsync($"/api/projects/{projectId}/jobs/{Job}/progress");
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        return await progress.JsonAsync();
    }

    /// <summary>Requests a consensus export of the job, runs it, and returns the data row ids of its NDJSON lines.</summary>
    private async Task<List<string>> ExportedDataRowsAsync(HttpClient owner, string projectId)
    {
        using (var requested = await owner.PostAsJsonAsync($"/api/projects/{projectId}/jobs/{Job}/exports", new { content = "consensus" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        }

        await app.PumpAsync();
        using var exports = await owner.GetAsync($"/api/projects/{projectId}/jobs/{Job}/exports");
        var export = (await exports.JsonAsync())["items"]!.AsArray().Single()!;
        Assert.Equal("done", (string)export["state"]!);
        var file = export["files"]!.AsArray().Select(f => (string)f!).Single(f => f.EndsWith("consensus.ndjson", StringComparison.Ordinal));
        var blob = app.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.BlobContainers.Exports).GetBlobClient(file);
        var text = (await blob.DownloadContentAsync()).Value.Content.ToString();
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => (string)JsonNode.Parse(line)!["dataRow"]!["id"]!)];
    }
}
