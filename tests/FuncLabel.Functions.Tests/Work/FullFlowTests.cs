using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using FuncLabel.Data;
using FuncLabel.Data.Ontologies;
using FuncLabel.Data.Work;
using FuncLabel.Domain.Ndjson;
using FuncLabel.Domain.Work;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Work;

/// <summary>
/// One job from launch to export through the API and the real queue functions: 4 assets × 2 passes, review of every
/// 2nd submission, a skip, a rejection and its rework, an approve-with-edits; then consensus everywhere, progress,
/// and the NDJSON and COCO exports read back from blob storage.
/// </summary>
public sealed class FullFlowTests(JobsApp app) : IClassFixture<JobsApp>
{
    private const string Job = "flow";

    [Fact]
    public async Task FullFlow_ReviewReworkEditsSkip_ReachesConsensusAndExports()
    {
        var projectId = "p-" + Guid.NewGuid().ToString("N")[..12];
        using var owner = app.ClientFor("owner-" + projectId, admin: true);
        using (var project = await owner.PostAsJsonAsync("/api/projects", new { id = projectId, name = "Flow" }))
        {
            Assert.Equal(HttpStatusCode.Created, project.StatusCode);
        }

        foreach (var (user, role) in new[] { ("a1", "annotator"), ("a2", "annotator"), ("a3", "annotator"), ("r1", "reviewer"), ("r2", "reviewer") })
        {
            using var put = await owner.PutAsJsonAsync($"/api/projects/{projectId}/members/{user}", new { role });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var ontology = await owner.PutAsJsonAsync($"/api/projects/{projectId}/ontology", new { classes = new[] { new { schemaId = "car", name = "car", tool = "bbox" } } }))
        {
            Assert.True(ontology.IsSuccessStatusCode, await ontology.Content.ReadAsStringAsync());
        }

        var assets = await app.SeedAssetsAsync(projectId, 4);
        await WorkSeed.CreateAndLaunchAsync(owner, projectId, Job, passesPerFile: 2, reviewFrequency: 2);
        await app.PumpAsync();
        var tasks = $"/api/projects/{projectId}/jobs/{Job}/tasks";

        // a3 skips the first draw it gets: the asset is flagged and a3 is not served it again.
        using var a3 = app.ClientFor("a3");
        var skippedTask = await WorkSeed.ClaimAsync(a3, projectId, Job, "draw");
        using (var skip = await a3.PostAsJsonAsync($"{tasks}/{skippedTask["id"]}/skip", new { reason = "too dark to see anything" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, skip.StatusCode);
        }

        // a1 and a2 draw every pass (one pass each per asset): 8 first submissions, every 2nd reviewed.
        using var a1 = app.ClientFor("a1");
        using var a2 = app.ClientFor("a2");
        foreach (var (drawer, shift) in new[] { (a1, 0), (a2, 4) })
        {
            for (int i = 0; i < 4; i++)
            {
                var task = await WorkSeed.ClaimAsync(drawer, projectId, Job, "draw");
                using var submitted = await WorkSeed.SubmitAsync(drawer, projectId, Job, task, WorkSeed.Box(100 + shift, 100), WorkSeed.Box(300, 200 + shift, 80, 60));
                Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
            }

            using var none = await drawer.PostAsJsonAsync(tasks + "/claim", new { kind = "draw" });
            Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
        }

        await app.PumpAsync();
        var items = await ItemsAsync();
        Assert.Equal(4, items.SelectMany(i => i.Item.Passes).Count(p => p.Stage == PassStage.Review));
        Assert.Equal(4, items.SelectMany(i => i.Item.Passes).Count(p => p.Stage == PassStage.Final));
        Assert.Equal([2L, 4, 6, 8], items.SelectMany(i => i.Item.Passes).Where(p => p.Stage == PassStage.Review).Select(p => p.Sequence!.Value).Order());

        // r1 rejects one (a comment on one instance), approves one with edits; r2 approves the other two.
        using var r1 = app.ClientFor("r1");
        using var r2 = app.ClientFor("r2");
        var rejected = await WorkSeed.ClaimAsync(r1, projectId, Job, "review");
        using (var opened = await r1.GetAsync($"{tasks}/{rejected["id"]}"))
        {
            var view = await opened.JsonAsync();
            Assert.Equal(2, view["start"]!.AsArray().Count);
            var firstUuid = (string)view["start"]![0]!["uuid"]!;
            using var reject = await r1.PostAsJsonAsync($"{tasks}/{rejected["id"]}/review", new { outcome = "reject", comments = new object[] { new { uuid = firstUuid, text = "box too loose" }, new { text = "check the whole image" } } });
            Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
            Assert.Equal("rework", (string)(await reject.JsonAsync())["stage"]!);
        }

        var edited = await WorkSeed.ClaimAsync(r1, projectId, Job, "review");
        using (var edit = await r1.PostAsJsonAsync($"{tasks}/{edited["id"]}/review", new { outcome = "approve_with_edits", annotations = new[] { WorkSeed.Box(101, 101), WorkSeed.Box(301, 201, 80, 60) } }))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        for (int i = 0; i < 2; i++)
        {
            var approved = await WorkSeed.ClaimAsync(r2, projectId, Job, "review");
            using var approve = await r2.PostAsJsonAsync($"{tasks}/{approved["id"]}/review", new { outcome = "approve" });
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        }

        await app.PumpAsync();

        // The rework goes back to its drawer only, opened on their submission with the reviewer's comments.
        var reworkItem = (await ItemsAsync()).Single(i => i.Item.Passes.Any(p => p.Stage == PassStage.Rework));
        var drawerId = reworkItem.Item.Passes.Single(p => p.Stage == PassStage.Rework).Drawer!;
        var reworker = drawerId == "a1" ? a1 : a2;
        using (var other = await (drawerId == "a1" ? a2 : a1).PostAsJsonAsync(tasks + "/claim", new { kind = "draw" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, other.StatusCode);
        }

        var rework = await WorkSeed.ClaimAsync(reworker, projectId, Job, "draw");
        Assert.Equal(rejected["id"]!.ToString(), rework["id"]!.ToString());
        Assert.Equal(1, (int)rework["attempt"]!);
        using (var opened = await reworker.GetAsync($"{tasks}/{rework["id"]}"))
        {
            var view = await opened.JsonAsync();
            Assert.Equal(2, view["comments"]!.AsArray().Count);
            Assert.Equal(2, view["start"]!.AsArray().Count);
        }

        using (var resubmit = await WorkSeed.SubmitAsync(reworker, projectId, Job, rework, WorkSeed.Box(100, 100), WorkSeed.Box(300, 200, 80, 60)))
        {
            Assert.Equal(HttpStatusCode.OK, resubmit.StatusCode);
        }

        await app.PumpAsync();
        var again = await WorkSeed.ClaimAsync(r2, projectId, Job, "review");
        Assert.Equal(rework["id"]!.ToString(), again["id"]!.ToString());
        using (var approve = await r2.PostAsJsonAsync($"{tasks}/{again["id"]}/review", new { outcome = "approve" }))
        {
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        }

        await app.PumpAsync();

        // Every asset merged, with an agreement score; the edited pass counts with the reviewer's label.
        items = await ItemsAsync();
        Assert.Equal(4, items.Count);
        Assert.All(items, i => Assert.Equal(ConsensusStage.Done, i.Item.Consensus.Stage));
        Assert.All(items, i => Assert.InRange(i.Item.Consensus.Agreement!.Value, 50, 100));
        var editedPass = items.SelectMany(i => i.Item.Passes).Single(p => p.Outcome == ReviewOutcome.ApproveWithEdits);
        Assert.Equal(editedPass.ReviewLabelId, editedPass.ResultLabelId);
        Assert.Equal(1, items.SelectMany(i => i.Item.Passes).Single(p => p.Attempt == 1).Attempt);
        Assert.All(items, i => Assert.Equal(2, i.Item.Passes.Select(p => p.Drawer).Distinct().Count()));

        using (var progress = await owner.GetAsync($"/api/projects/{projectId}/jobs/{Job}/progress"))
        {
            var view = await progress.JsonAsync();
            Assert.Equal(8, (int)view["passes"]!["final"]!);
            Assert.Equal(4, (int)view["consensus"]!["done"]!);
            var skipped = view["skipped"]!.AsArray().Single()!;
            Assert.Equal((string)skippedTask["assetId"]!, (string)skipped["assetId"]!);
            Assert.Equal("too dark to see anything", (string)skipped["skips"]![0]!["reason"]!);
        }

        // Completing requests the consensus export; NDJSON parses back with the domain reader, COCO follows the field rules.
        using (var complete = await owner.PostAsync($"/api/projects/{projectId}/jobs/{Job}/complete", null))
        {
            Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        }

        await app.PumpAsync();
        using var exports = await owner.GetAsync($"/api/projects/{projectId}/jobs/{Job}/exports");
        var export = (await exports.JsonAsync())["items"]!.AsArray().Single()!;
        Assert.Equal("done", (string)export["state"]!);
        var files = export["files"]!.AsArray().Select(f => (string)f!).ToList();
        var container = app.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.BlobContainers.Exports);

        var ndjson = (await container.GetBlobClient(files.Single(f => f.EndsWith("consensus.ndjson", StringComparison.Ordinal))).DownloadContentAsync()).Value.Content.ToArray();
        var ontologyModel = await app.Services.GetRequiredService<OntologyStore>().GetCurrentOntologyAsync(projectId, CancellationToken.None);
        var reader = new NdjsonPrelabelReader(new NdjsonReaderOptions(ontologyModel!, projectId));
        var lines = await reader.ReadAsync(new MemoryStream(ndjson), CancellationToken.None).ToListAsync();
        Assert.All(lines, l => Assert.True(l.Record is not null, l.Error?.Message));
        var consensusAnnotations = 0;
        foreach (var item in items)
        {
            var label = await app.Services.GetRequiredService<TaskLabelStore>().GetAsync(item.AssetId, item.Item.Consensus.LabelId!, CancellationToken.None);
            consensusAnnotations += label!.Label!.Annotations.Count;
        }

        Assert.Equal(consensusAnnotations, lines.Count);
        Assert.Equal(assets.Select(a => a.Id).Order(), lines.Select(l => l.Record!.DataRow.Id!).Distinct().Order());

        var coco = JsonNode.Parse((await container.GetBlobClient(files.Single(f => f.EndsWith("coco.json", StringComparison.Ordinal))).DownloadContentAsync()).Value.Content.ToString())!;
        CocoRules.AssertValid(coco);
        Assert.Equal(4, coco["images"]!.AsArray().Count);
        Assert.Equal(consensusAnnotations, coco["annotations"]!.AsArray().Count);

        async Task<List<WorkItemDocument>> ItemsAsync() =>
            await app.Services.GetRequiredService<WorkStore>().AllAsync(projectId, Job, CancellationToken.None).ToListAsync();
    }
}

/// <summary>The COCO object-detection field rules an export must satisfy.</summary>
internal static class CocoRules
{
    public static void AssertValid(JsonNode coco)
    {
        var images = coco["images"]!.AsArray();
        var annotations = coco["annotations"]!.AsArray();
        var categories = coco["categories"]!.AsArray();
        Assert.NotEmpty(images);
        Assert.NotEmpty(categories);

        var imageIds = images.Select(i => Id(i!, "id")).ToList();
        Assert.Equal(imageIds.Count, imageIds.Distinct().Count());
        foreach (var image in images)
        {
            Assert.Equal(JsonValueKind.String, image!["file_name"]!.GetValueKind());
            Assert.True((int)image["width"]! > 0 && (int)image["height"]! > 0, image.ToJsonString());
        }

        var categoryIds = categories.Select(c => Id(c!, "id")).ToList();
        Assert.Equal(categoryIds.Count, categoryIds.Distinct().Count());
        Assert.All(categories, c => Assert.False(string.IsNullOrEmpty((string?)c!["name"])));

        var annotationIds = annotations.Select(a => Id(a!, "id")).ToList();
        Assert.Equal(annotationIds.Count, annotationIds.Distinct().Count());
        foreach (var annotation in annotations)
        {
            Assert.Contains(Id(annotation!, "image_id"), imageIds);
            Assert.Contains(Id(annotation!, "category_id"), categoryIds);
            var bbox = annotation!["bbox"]!.AsArray();
            Assert.Equal(4, bbox.Count);
            Assert.All(bbox, v => Assert.True(v!.GetValueKind() == JsonValueKind.Number && (double)v >= 0, annotation.ToJsonString()));
            Assert.True(annotation["area"]!.GetValueKind() == JsonValueKind.Number && (double)annotation["area"]! >= 0, annotation.ToJsonString());
            Assert.Contains((int)annotation["iscrowd"]!, new[] { 0, 1 });
        }
    }

    private static long Id(JsonNode node, string field)
    {
        var value = node[field];
        Assert.True(value is not null && value.GetValueKind() == JsonValueKind.Number, $"{field} missing or not a number in {node.ToJsonString()}");
        return (long)value!;
    }
}
