using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FuncLabel.Data.Work;
using FuncLabel.Functions.Tests.Ingestion;
using FuncLabel.Functions.Tests.Work;
using FuncLabel.Functions.Work;
using Microsoft.Extensions.DependencyInjection;
using static FuncLabel.Functions.Tests.Training.TrainingSeed;

namespace FuncLabel.Functions.Tests.Training;

/// <summary>
/// Templates made from work (<c>POST templates/from-task</c>) with the asset and pre-labels ingested through the real
/// queue functions, and trainees' access to the template's asset bytes.
/// </summary>
public sealed class TemplateFromTaskTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    private const string CarOntology = """{ "classes": [ { "schemaId": "car", "name": "car", "tool": "bbox" } ] }""";

    [Fact]
    public async Task FromTask_PassAndConsensus_GoldIsTheAnswerStartIsThePrelabels_RefusedBeforeSubmitAndMerge()
    {
        var project = await app.SeedProjectAsync(("ft-owner", "owner"), ("ft-d1", "annotator"), ("ft-d2", "annotator"));
        using var owner = app.ClientFor("ft-owner");
        using var d1 = app.ClientFor("ft-d1");
        using var d2 = app.ClientFor("ft-d2");
        var assetId = await IngestWithPrelabelAsync(owner, project, "cars/a.png");
        await WorkSeed.LaunchOnAssetAsync(app.Services, owner, project, "two-pass", assetId, passesPerFile: 2);

        var first = await WorkSeed.ClaimAsync(d1, project, "two-pass", "draw");
        var taskId = (string)first["id"]!;
        using (var early = await FromTaskAsync(owner, project, new { name = "early", jobId = "two-pass", taskId }))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Equal("task_not_submitted", (string)(await early.JsonAsync())["code"]!);
        }

        using var submitted1 = await WorkSeed.SubmitAsync(d1, project, "two-pass", first, WorkSeed.Box(100, 100, 200, 100));
        Assert.Equal(HttpStatusCode.OK, submitted1.StatusCode);
        await WorkSeed.FanOutSubmissionAsync(app.Services, project, "two-pass", await submitted1.JsonAsync());
        using (var unmerged = await FromTaskAsync(owner, project, new { name = "unmerged", jobId = "two-pass", assetId }))
        {
            Assert.Equal(HttpStatusCode.Conflict, unmerged.StatusCode);
            Assert.Equal("consensus_not_ready", (string)(await unmerged.JsonAsync())["code"]!);
        }

        using var fromPass = await FromTaskAsync(owner, project, new { id = "from-pass", name = "From pass 1", jobId = "two-pass", taskId });
        var passView = await fromPass.JsonAsync();
        Assert.True(fromPass.StatusCode == HttpStatusCode.Created, passView.ToJsonString());
        Assert.Equal(100, Assert.Single(passView["gold"]!.AsArray())!["bbox"]!["left"]!.GetValue<double>());
        Assert.Equal(130, Assert.Single(passView["start"]!.AsArray())!["bbox"]!["left"]!.GetValue<double>());
        Assert.Equal("task", (string)passView["origin"]!["kind"]!);
        Assert.Equal(taskId, (string)passView["origin"]!["taskId"]!);
        Assert.Equal(640, passView["extent"]!["width"]!.GetValue<int>());

        var second = await WorkSeed.ClaimAsync(d2, project, "two-pass", "draw");
        using var submitted2 = await WorkSeed.SubmitAsync(d2, project, "two-pass", second, WorkSeed.Box(104, 100, 200, 100));
        Assert.Equal(HttpStatusCode.OK, submitted2.StatusCode);
        Assert.EndsWith("consensus", await WorkSeed.FanOutSubmissionAsync(app.Services, project, "two-pass", await submitted2.JsonAsync()));

        using var fromConsensus = await FromTaskAsync(owner, project, new { id = "from-consensus", name = "Consensus", jobId = "two-pass", assetId });
        var consensusView = await fromConsensus.JsonAsync();
        Assert.True(fromConsensus.StatusCode == HttpStatusCode.Created, consensusView.ToJsonString());
        Assert.Equal("consensus", (string)consensusView["origin"]!["kind"]!);
        Assert.Equal(102, Assert.Single(consensusView["gold"]!.AsArray())!["bbox"]!["left"]!.GetValue<double>(), 6);
        Assert.Single(consensusView["start"]!.AsArray());

        using var again = await FromTaskAsync(owner, project, new { id = "from-pass", name = "Again", jobId = "two-pass", taskId });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var unknown = await FromTaskAsync(owner, project, new { name = "x", jobId = "two-pass", taskId = "no-such-asset.1" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var both = await FromTaskAsync(owner, project, new { name = "x", jobId = "two-pass", taskId, assetId });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        using var byAnnotator = await FromTaskAsync(d1, project, new { name = "mine", jobId = "two-pass", taskId });
        Assert.Equal(HttpStatusCode.Forbidden, byAnnotator.StatusCode);
    }

    [Fact]
    public async Task Content_AnnotatorGetsTemplateAssetOnly_DisabledTemplateOnlyThroughAnEnabledExam()
    {
        var project = await app.SeedProjectAsync(("ct-owner", "owner"), ("ct-trainee", "annotator"));
        using var owner = app.ClientFor("ct-owner");
        using var trainee = app.ClientFor("ct-trainee");
        await PutOntologyAsync(owner, project);
        var harness = new IngestionHarness(app);
        var png = Domain.Tests.Ingestion.Generated.Png(40, 30);
        await harness.IngestAssetAsync(project, "train/t.png", png);
        await harness.IngestAssetAsync(project, "train/other.png", Domain.Tests.Ingestion.Generated.Png(8, 8));
        var templateAsset = Domain.Ingestion.HashedIds.AssetId(project, "train/t.png");
        var otherAsset = Domain.Ingestion.HashedIds.AssetId(project, "train/other.png");
        using (var created = await owner.PostAsync($"/api/projects/{project}/templates", Json($$"""{ "id": "t-asset", "name": "t", "assetId": "{{templateAsset}}", "gold": [ {{Box(1, 1, size: 5)}} ] }""")))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        using (var content = await trainee.GetAsync($"/api/projects/{project}/assets/{templateAsset}/content"))
        {
            Assert.Equal(HttpStatusCode.OK, content.StatusCode);
            Assert.Equal(png, await content.Content.ReadAsByteArrayAsync());
        }

        using (var other = await trainee.GetAsync($"/api/projects/{project}/assets/{otherAsset}/content"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        using (var ownerReads = await owner.GetAsync($"/api/projects/{project}/assets/{otherAsset}/content"))
        {
            Assert.Equal(HttpStatusCode.OK, ownerReads.StatusCode);
        }

        (await owner.PatchAsJsonAsync($"/api/projects/{project}/templates/t-asset", new { enabled = false })).Dispose();
        Assert.Equal(HttpStatusCode.NotFound, (await trainee.GetAsync($"/api/projects/{project}/assets/{templateAsset}/content")).StatusCode);

        await CreateExamAsync(owner, project, "e-asset", ["t-asset"], 50, 1, []);
        Assert.Equal(HttpStatusCode.OK, (await trainee.GetAsync($"/api/projects/{project}/assets/{templateAsset}/content")).StatusCode);
        (await owner.PatchAsJsonAsync($"/api/projects/{project}/exams/e-asset", new { enabled = false })).Dispose();
        Assert.Equal(HttpStatusCode.NotFound, (await trainee.GetAsync($"/api/projects/{project}/assets/{templateAsset}/content")).StatusCode);
    }

    /// <summary>A 640 × 480 PNG and one pre-label (a car box at left 130, no confidence: a starting point) through the real queue functions.</summary>
    private async Task<string> IngestWithPrelabelAsync(HttpClient owner, string project, string path)
    {
        using (var ontology = await owner.PutAsync($"/api/projects/{project}/ontology", Json(CarOntology)))
        {
            Assert.True(ontology.IsSuccessStatusCode, await ontology.Content.ReadAsStringAsync());
        }

        var harness = new IngestionHarness(app);
        await harness.IngestAssetAsync(project, path, Domain.Tests.Ingestion.Generated.Png(640, 480));
        await harness.ImportAsync(project, "model", $$$"""{"uuid":"7a0c5e1f-0000-4000-8000-000000000001","dataRow":{"globalKey":"{{{path}}}"},"name":"car","bbox":{"top":100,"left":130,"height":100,"width":200}}""" + "\n");
        return Domain.Ingestion.HashedIds.AssetId(project, path);
    }

    private static Task<HttpResponseMessage> FromTaskAsync(HttpClient client, string project, object body) =>
        client.PostAsJsonAsync($"/api/projects/{project}/templates/from-task", body);
}
