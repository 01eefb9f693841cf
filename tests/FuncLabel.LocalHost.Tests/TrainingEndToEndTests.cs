using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
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
        using var startTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var signingKey = Convert.ToBase64String(Encoding.UTF8.GetBytes(UniqueName.For("dev-signing-key-").PadRight(40, 'k')));
        // A storage account of its own: another end-to-end host on the same account would take this one's blob events.
        var storage = await IsolatedStorage.ClaimAccountAsync(startTimeout.Token);
        var settings = new Dictionary<string, string>
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["AzureWebJobsStorage"] = storage,
            ["Cosmos__Endpoint"] = Emulators.CosmosEndpoint,
            ["Cosmos__Key"] = Emulators.CosmosKey,
            ["Cosmos__DatabaseName"] = UniqueName.For("e2e-training"),
            ["Cosmos__CreateIfMissing"] = "true",
            ["Auth__DevSigningKey"] = signingKey,
        };
        var project = UniqueName.For("p-train");

        await using var host = await RealAppHost.StartAsync(settings, startTimeout.Token);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var ct = timeout.Token;
        using var owner = await ClientAsync(host, "owner-e2e", admin: true, signingKey, ct);
        using var drawer = await ClientAsync(host, "drawer-e2e", admin: false, signingKey, ct);
        using var trainee = await ClientAsync(host, "trainee-e2e", admin: false, signingKey, ct);

        await ExpectAsync(await UntilListeningAsync(() => owner.PostAsJsonAsync("api/projects", new { id = project, name = "training end to end" }, ct), host, ct), HttpStatusCode.Created, "POST project", ct);
        await ExpectAsync(await owner.PutAsJsonAsync($"api/projects/{project}/ontology", new { classes = new[] { new { name = "car", tool = "bbox" } } }, ct), HttpStatusCode.OK, "PUT ontology", ct, orCreated: true);
        await ExpectAsync(await owner.PutAsJsonAsync($"api/projects/{project}/members/drawer-e2e", new { role = "annotator" }, ct), HttpStatusCode.OK, "PUT drawer", ct, orCreated: true);
        await ExpectAsync(await owner.PutAsJsonAsync($"api/projects/{project}/members/trainee-e2e", new { role = "annotator" }, ct), HttpStatusCode.OK, "PUT trainee", ct, orCreated: true);

        // The asset and an unrelated one, uploaded to blob storage as a data team would; the blob watcher announces them.
        var blobs = new BlobServiceClient(storage);
        var assets = blobs.GetBlobContainerClient("assets");
        await assets.CreateIfNotExistsAsync(cancellationToken: ct);
        var image = Png(640, 480);
        await assets.GetBlobClient($"{project}/img/street.png").UploadAsync(BinaryData.FromBytes(image), new BlobUploadOptions(), ct);
        await assets.GetBlobClient($"{project}/img/other.png").UploadAsync(BinaryData.FromBytes(Png(32, 32)), new BlobUploadOptions(), ct);
        var assetId = await AssetIdAsync(owner, project, "img/street.png", host, ct);
        var otherId = await AssetIdAsync(owner, project, "img/other.png", host, ct);

        // The model's pre-label (no confidence: a starting point a human corrects), imported through the prelabels container.
        var prelabels = blobs.GetBlobContainerClient("prelabels");
        await prelabels.CreateIfNotExistsAsync(cancellationToken: ct);
        await prelabels.GetBlobClient($"{project}/model-1.ndjson").UploadAsync(BinaryData.FromString(
            """{"uuid":"5b7e1d2c-0000-4000-8000-000000000001","dataRow":{"globalKey":"img/street.png"},"name":"car","bbox":{"top":100,"left":100,"height":100,"width":200}}""" + "\n"), new BlobUploadOptions(), ct);
        var import = await PollAsync(async () =>
        {
            using var response = await owner.GetAsync($"api/projects/{project}/imports/model-1", ct);
            var record = response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) : null;
            return record?["state"]?.GetValue<string>() is "finished" ? record : null;
        }, host, "the pre-label import to finish", ct);
        Assert.True(import["counts"]!["toReview"]!.GetValue<long>() == 1, import.ToJsonString());

        // A job; its launch message creates the work through the job-launch queue function.
        await ExpectAsync(await owner.PostAsJsonAsync($"api/projects/{project}/jobs", new { id = "source-job", name = "Cars", drawGuide = "Box every car." }, ct), HttpStatusCode.Created, "POST job", ct);
        await ExpectAsync(await owner.PostAsync($"api/projects/{project}/jobs/source-job/launch", null, ct), HttpStatusCode.OK, "launch", ct);
        // The job covers both assets: the drawer submits the unrelated one as empty if it comes first.
        var task = await PollAsync(async () =>
        {
            using var claim = await drawer.PostAsJsonAsync($"api/projects/{project}/jobs/source-job/tasks/claim", new { kind = "draw" }, ct);
            var claimed = claim.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await claim.Content.ReadAsStringAsync(ct))! : null;
            if (claimed is not null && (string)claimed["assetId"]! != assetId)
            {
                await ExpectAsync(await drawer.PostAsJsonAsync($"api/projects/{project}/jobs/source-job/tasks/{claimed["id"]}/submit", new { assetVersion = (string)claimed["assetVersion"]!, annotations = Array.Empty<object>() }, ct), HttpStatusCode.OK, "submit other", ct);
                return null;
            }

            return claimed;
        }, host, "the draw task of img/street.png", ct);
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

    private static async Task<HttpClient> ClientAsync(RealAppHost host, string user, bool admin, string signingKey, CancellationToken cancellationToken)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.MintTokenAsync(user, admin, signingKey, cancellationToken));
        return client;
    }

    private static async Task<JsonNode> PracticeAsync(HttpClient trainee, string project, string answer, CancellationToken cancellationToken)
    {
        using var response = await trainee.PostAsync($"api/projects/{project}/templates/street-cars/practice", new StringContent($$"""{ "answer": {{answer}} }""", Encoding.UTF8, "application/json"), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"practice: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task<string> AssetIdAsync(HttpClient owner, string project, string globalKey, RealAppHost host, CancellationToken cancellationToken) =>
        await PollAsync(
            async () => (await owner.GetFromJsonAsync<JsonElement>($"api/projects/{project}/assets", cancellationToken)).GetProperty("items")
                .EnumerateArray().Where(a => a.GetProperty("globalKey").GetString() == globalKey).Select(a => a.GetProperty("id").GetString()).FirstOrDefault(),
            host, $"the asset {globalKey}", cancellationToken);

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status, string what, CancellationToken cancellationToken, bool orCreated = false)
    {
        using (response)
        {
            Assert.True(response.StatusCode == status || (orCreated && response.StatusCode == HttpStatusCode.Created),
                $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>Retries a request while the host is not listening yet (connection refused), up to the bound.</summary>
    private static async Task<HttpResponseMessage> UntilListeningAsync(Func<Task<HttpResponseMessage>> send, RealAppHost host, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            try
            {
                return await send();
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new InvalidOperationException("The local host never answered. Its output:\n" + host.Output, e);
            }
        }
    }

    private static async Task<T> PollAsync<T>(Func<Task<T?>> probe, RealAppHost host, string what, CancellationToken cancellationToken)
        where T : class
    {
        var deadline = DateTime.UtcNow + Bound;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(250, cancellationToken);
        }

        Assert.Fail($"Waited {Bound.TotalSeconds} s for {what}. Local host output:\n{host.Output}");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>A PNG signature and IHDR chunk: all that sniffing and the dimension reader look at.</summary>
    private static byte[] Png(int width, int height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8;
        return bytes;
    }
}
