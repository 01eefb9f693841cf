using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FuncLabel.Domain.Tests.Ingestion;
using FuncLabel.LocalHost.Tests.Support;
using FuncLabel.Testing;

namespace FuncLabel.LocalHost.Tests;

/// <summary>
/// Issue 11's training flow on the local stack: the app's worker build output run by the local host executable (HTTP
/// to the worker, blob watcher to the blob triggers, queue triggers) against Azurite and the Cosmos DB server. An uploaded image and a pre-label file become
/// a task's starting point; the drawer's submission becomes a template's gold; a trainee practises it — sees the asset
/// and the start, never the gold, gets reasons for a wrong answer and 100 for the corrected one.
/// </summary>
public sealed class TrainingEndToEndTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TaskWithPrelabels_Submitted_Template_PracticeShowsStartNotGold_WrongGetsReasons_CorrectedScores100()
    {
        var project = UniqueName.For("p-train");

        await using var app = await EndToEndApp.StartAsync("e2e-training", Bound);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var ct = timeout.Token;
        using var owner = await app.ClientAsync("owner-e2e", admin: true, ct);
        using var drawer = await app.ClientAsync("drawer-e2e", admin: false, ct);
        using var trainee = await app.ClientAsync("trainee-e2e", admin: false, ct);

        await ExpectAsync(await app.UntilListeningAsync(() => owner.PostAsJsonAsync("api/projects", new { id = project, name = "training end to end" }, ct), ct), HttpStatusCode.Created, "POST project", ct);
        await ExpectAsync(await owner.PutAsJsonAsync($"api/projects/{project}/ontology", new { classes = new[] { new { name = "car", tool = "bbox" } } }, ct), HttpStatusCode.OK, "PUT ontology", ct, orCreated: true);
        await ExpectAsync(await owner.PutAsJsonAsync($"api/projects/{project}/members/drawer-e2e", new { role = "annotator" }, ct), HttpStatusCode.OK, "PUT drawer", ct, orCreated: true);
        await ExpectAsync(await owner.PutAsJsonAsync($"api/projects/{project}/members/trainee-e2e", new { role = "annotator" }, ct), HttpStatusCode.OK, "PUT trainee", ct, orCreated: true);

        // The asset and an unrelated one, uploaded to blob storage as a data team would; the blob watcher announces them.
        var blobs = new BlobServiceClient(app.Storage);
        var assets = blobs.GetBlobContainerClient("assets");
        await assets.CreateIfNotExistsAsync(cancellationToken: ct);
        var image = Generated.Png(640, 480);
        await assets.GetBlobClient($"{project}/img/street.png").UploadAsync(BinaryData.FromBytes(image), new BlobUploadOptions(), ct);
        await assets.GetBlobClient($"{project}/img/other.png").UploadAsync(BinaryData.FromBytes(Generated.Png(32, 32)), new BlobUploadOptions(), ct);
        var assetId = await AssetIdAsync(app, owner, project, "img/street.png", ct);
        var otherId = await AssetIdAsync(app, owner, project, "img/other.png", ct);

        // The model's pre-label (no confidence: a starting point a human corrects), imported through the prelabels container.
        var prelabels = blobs.GetBlobContainerClient("prelabels");
        await prelabels.CreateIfNotExistsAsync(cancellationToken: ct);
        await prelabels.GetBlobClient($"{project}/model-1.ndjson").UploadAsync(BinaryData.FromString(
            """{"uuid":"5b7e1d2c-0000-4000-8000-000000000001","dataRow":{"globalKey":"img/street.png"},"name":"car","bbox":{"top":100,"left":100,"height":100,"width":200}}""" + "\n"), new BlobUploadOptions(), ct);
        var import = await app.PollAsync(async () =>
        {
            using var response = await owner.GetAsync($"api/projects/{project}/imports/model-1", ct);
            var record = response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) : null;
            return record?["state"]?.GetValue<string>() is "finished" ? record : null;
        }, "the pre-label import to finish", ct);
        Assert.True(import["counts"]!["toReview"]!.GetValue<long>() == 1, import.ToJsonString());

        // A job; its launch message creates the work through the job-launch queue function.
        await ExpectAsync(await owner.PostAsJsonAsync($"api/projects/{project}/jobs", new { id = "source-job", name = "Cars", drawGuide = "Box every car." }, ct), HttpStatusCode.Created, "POST job", ct);
        await ExpectAsync(await owner.PostAsync($"api/projects/{project}/jobs/source-job/launch", null, ct), HttpStatusCode.OK, "launch", ct);
        // The job covers both assets: the drawer submits the unrelated one as empty if it comes first.
        var task = await app.PollAsync(async () =>
        {
            using var claim = await drawer.PostAsJsonAsync($"api/projects/{project}/jobs/source-job/tasks/claim", new { kind = "draw" }, ct);
            var claimed = claim.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await claim.Content.ReadAsStringAsync(ct))! : null;
            if (claimed is not null && (string)claimed["assetId"]! != assetId)
            {
                await ExpectAsync(await drawer.PostAsJsonAsync($"api/projects/{project}/jobs/source-job/tasks/{claimed["id"]}/submit", new { assetVersion = (string)claimed["assetVersion"]!, annotations = Array.Empty<object>() }, ct), HttpStatusCode.OK, "submit other", ct);
                return null;
            }

            return claimed;
        }, "the draw task of img/street.png", ct);
        var taskId = (string)task["id"]!;

        using var opened = await drawer.GetAsync($"api/projects/{project}/jobs/source-job/tasks/{taskId}", ct);
        var openedBody = JsonNode.Parse(await opened.Content.ReadAsStringAsync(ct))!;
        Assert.True(openedBody["start"]!.AsArray().Count == 1, openedBody.ToJsonString());
        var prelabel = openedBody["start"]![0]!;
        Assert.Equal(100, prelabel["geometry"]!["left"]!.GetValue<double>());
        var car = (string)prelabel["schemaId"]!;

        // The drawer moves the model's box to the right place and adds the car the model missed.
        var submitted = await drawer.PostAsJsonAsync($"api/projects/{project}/jobs/source-job/tasks/{taskId}/submit", new
        {
            assetVersion = (string)task["assetVersion"]!,
            annotations = new object[]
            {
                new { uuid = Guid.NewGuid(), schemaId = car, geometry = new { kind = "bbox", left = 160, top = 100, width = 200, height = 100 }, source = "human" },
                new { uuid = Guid.NewGuid(), schemaId = car, geometry = new { kind = "bbox", left = 400, top = 300, width = 120, height = 80 }, source = "human" },
            },
        }, ct);
        await ExpectAsync(submitted, HttpStatusCode.OK, "submit", ct);

        // The owner turns the submitted task into a template: start = the pre-label, gold = the submission.
        using var template = await owner.PostAsJsonAsync($"api/projects/{project}/templates/from-task", new { id = "street-cars", name = "Street cars", guide = "Box every car.", jobId = "source-job", taskId }, ct);
        var templateText = await template.Content.ReadAsStringAsync(ct);
        Assert.True(template.StatusCode == HttpStatusCode.Created, $"from-task: {(int)template.StatusCode} {templateText}");
        var ownerView = JsonNode.Parse(templateText)!;
        Assert.Equal("task", (string)ownerView["origin"]!["kind"]!);
        Assert.Single(ownerView["start"]!.AsArray());
        Assert.Equal([160.0, 400.0], ownerView["gold"]!.AsArray().Select(g => g!["bbox"]!["left"]!.GetValue<double>()).Order());

        // The trainee's practice view: the asset, the guide and the start; no gold anywhere in the answer.
        using var view = await trainee.GetAsync($"api/projects/{project}/templates/street-cars", ct);
        var viewText = await view.Content.ReadAsStringAsync(ct);
        Assert.True(view.StatusCode == HttpStatusCode.OK, $"trainee view: {(int)view.StatusCode} {viewText}");
        var traineeView = JsonNode.Parse(viewText)!;
        Assert.Equal($"/api/projects/{project}/assets/{assetId}/content", (string)traineeView["assetContent"]!);
        Assert.Null(traineeView["gold"]);
        Assert.Equal(100, Assert.Single(traineeView["start"]!.AsArray())!["bbox"]!["left"]!.GetValue<double>());
        Assert.DoesNotContain("\"left\":160", viewText.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\"left\":400", viewText.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        using var content = await trainee.GetAsync(((string)traineeView["assetContent"]!).TrimStart('/'), ct);
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal(image, await content.Content.ReadAsByteArrayAsync(ct));
        using var unrelated = await trainee.GetAsync($"api/projects/{project}/assets/{otherId}/content", ct);
        Assert.Equal(HttpStatusCode.NotFound, unrelated.StatusCode);

        // The start sent back as it is: the box is off (IoU 14000/26000 ≈ 0.54) and a car is missing.
        var wrong = await PracticeAsync(trainee, project, traineeView["start"]!.ToJsonString(), ct);
        Assert.True(wrong["score"]!.GetValue<double>() < 100);
        Assert.Equal(["low_overlap", "missing"], wrong["feedback"]!.AsArray().Select(f => (string)f!["reason"]!).Order());
        Assert.Equal(0.55, wrong["feedback"]!.AsArray().Single(f => (string)f!["reason"]! == "low_overlap")!["overlap"]!.GetValue<double>(), 9);

        var corrected = await PracticeAsync(trainee, project, """
            [ { "uuid": "5b7e1d2c-0000-4000-8000-000000000011", "name": "car", "bbox": { "top": 100, "left": 160, "height": 100, "width": 200 } },
              { "uuid": "5b7e1d2c-0000-4000-8000-000000000012", "name": "car", "bbox": { "top": 300, "left": 400, "height": 80, "width": 120 } } ]
            """, ct);
        Assert.Equal(100, corrected["score"]!.GetValue<double>());
        Assert.True(corrected["perfect"]!.GetValue<bool>());
        Assert.Empty(corrected["feedback"]!.AsArray());
    }

    private static async Task<JsonNode> PracticeAsync(HttpClient trainee, string project, string answer, CancellationToken cancellationToken)
    {
        using var response = await trainee.PostAsync($"api/projects/{project}/templates/street-cars/practice", new StringContent($$"""{ "answer": {{answer}} }""", Encoding.UTF8, "application/json"), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"practice: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task<string> AssetIdAsync(EndToEndApp app, HttpClient owner, string project, string globalKey, CancellationToken cancellationToken) =>
        await app.PollAsync(
            async () => (await owner.GetFromJsonAsync<JsonElement>($"api/projects/{project}/assets", cancellationToken)).GetProperty("items")
                .EnumerateArray().Where(a => a.GetProperty("globalKey").GetString() == globalKey).Select(a => a.GetProperty("id").GetString()).FirstOrDefault(),
            $"the asset {globalKey}", cancellationToken);

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status, string what, CancellationToken cancellationToken, bool orCreated = false)
    {
        using (response)
        {
            Assert.True(response.StatusCode == status || (orCreated && response.StatusCode == HttpStatusCode.Created),
                $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

}
