using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FuncLabel.Data;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Imports;
using FuncLabel.Domain.Tests.Ingestion;
using FuncLabel.Functions.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Ingestion;

/// <summary>
/// Imports that cannot finish end as <c>failed</c> with a reason instead of staying <c>running</c>: a run that throws on
/// the message's last allowed delivery, and a run whose process died (failed by the sweep timer). Its own app and
/// database: one test removes the <c>labels</c> container to make every pre-label write fail for real.
/// </summary>
public sealed class ImportFailureTests : IClassFixture<FuncLabelApp>
{
    private readonly FuncLabelApp app;
    private readonly IngestionHarness _harness;

    public ImportFailureTests(FuncLabelApp app)
    {
        app.Time.Set(DateTimeOffset.UtcNow);
        this.app = app;
        _harness = new IngestionHarness(app);
    }

    private async Task WaitForStateAsync(HttpClient owner, string project, string importId, string state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        string? seen = null;
        while (DateTime.UtcNow < deadline)
        {
            seen = (await ImportAsync(owner, project, importId)).GetProperty("state").GetString();
            if (seen == state)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"import {importId} is {seen}, not {state}, after 3 minutes\n" + string.Join("\n", app.Log.Problems(30)));
    }

    [Fact]
    public async Task PrelabelUploaded_RunThrowsOnLastAllowedDelivery_ImportFailedWithReasonThenRerunnable()
    {
        var (project, owner) = await ProjectAsync();
        await _harness.IngestAssetAsync(project, "a.png", Generated.Png(50, 50));
        await _harness.UploadAsync(StorageNames.BlobContainers.Prelabels, $"{project}/doomed.ndjson", Encoding.UTF8.GetBytes(
            """{"uuid":"0b7e3c1a-0000-4000-8000-00000000000a","dataRow":{"globalKey":"a.png"},"name":"car","bbox":{"top":1,"left":1,"height":5,"width":5}}""" + "\n"));

        // Every pre-label write fails: the container is gone (as in an outage or a misconfigured account).
        await app.Cosmos.Database.GetContainer(ContainerDefinitions.Labels.Name).DeleteContainerAsync();
        try
        {
            // One BlobCreated event. Its invocation fails, and the host retries it from its blob-trigger queue up to
            // the poison threshold: the host, not the sender, makes the deliveries.
            var mark = app.Log.Mark;
            var (first, _) = await _harness.SendAsync(IngestionHarness.PrelabelFunction, StorageNames.BlobContainers.Prelabels, $"{project}/doomed.ndjson");
            Assert.Equal(HttpStatusCode.InternalServerError, first);

            // The last allowed delivery fails too: the invocation still fails (so the host poisons the blob), and the
            // import ends as failed with the error.
            await WaitForStateAsync(owner, project, "doomed", "failed");
            var deliveries = app.Log.Since(mark).Count(e => e.Message.StartsWith(
                $"Executing 'Functions.{IngestionHarness.PrelabelFunction}' (Reason='New blob detected(EventGrid): {StorageNames.BlobContainers.Prelabels}/{project}/doomed.ndjson'",
                StringComparison.Ordinal));
            Assert.Equal(PrelabelUploadedFunction.DefaultMaxDequeueCount, deliveries);
            var failed = await ImportAsync(owner, project, "doomed");
            Assert.Equal("failed", failed.GetProperty("state").GetString());
            Assert.Equal("gave_up", failed.GetProperty("failureKind").GetString());
            var reason = failed.GetProperty("failure").GetString()!;
            Assert.Contains($"delivery {PrelabelUploadedFunction.DefaultMaxDequeueCount} of {PrelabelUploadedFunction.DefaultMaxDequeueCount}", reason, StringComparison.Ordinal);
            Assert.Contains("CosmosException", reason, StringComparison.Ordinal);
            Assert.NotNull(failed.GetProperty("finishedAt").GetString());
        }
        finally
        {
            await app.Cosmos.EnsureCreatedAsync(CancellationToken.None);
        }

        // A later delivery (a blob moved back from the poison queue) runs the file again.
        await _harness.DeliverAsync(IngestionHarness.PrelabelFunction, StorageNames.BlobContainers.Prelabels, $"{project}/doomed.ndjson");
        var rerun = await ImportAsync(owner, project, "doomed");
        Assert.Equal("finished", rerun.GetProperty("state").GetString());
        Assert.Equal(1, rerun.GetProperty("counts").GetProperty("toReview").GetInt64());
        Assert.False(rerun.TryGetProperty("failureKind", out var kind) && kind.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task OutboxSweep_RunningImportWithoutHeartbeatForLongerThanAnyInvocation_FailedAsStalled()
    {
        var (project, owner) = await ProjectAsync();
        var imports = app.Services.GetRequiredService<ImportStore>();
        var deadETag = await _harness.UploadAsync(StorageNames.BlobContainers.Prelabels, $"{project}/dead.ndjson", Encoding.UTF8.GetBytes(
            """{"uuid":"0b7e3c1a-0000-4000-8000-00000000000b","dataRow":{"globalKey":"not-yet.png"},"name":"car","bbox":{"top":1,"left":1,"height":5,"width":5}}""" + "\n"));

        // What a run leaves behind when its process dies after starting: a running record, never touched again.
        await SaveRunningAsync(imports, project, "dead", deadETag);
        app.Time.Advance(TimeSpan.FromMinutes(10));
        await SaveRunningAsync(imports, project, "alive", "\"0x1\"");
        app.Time.Advance(TimeSpan.FromMinutes(6));

        await app.RunOutboxSweepAsync();
        var dead = await ImportAsync(owner, project, "dead");
        Assert.Equal("failed", dead.GetProperty("state").GetString());
        Assert.Equal("stalled", dead.GetProperty("failureKind").GetString());
        Assert.Contains("stopped making progress", dead.GetProperty("failure").GetString(), StringComparison.Ordinal);
        Assert.Equal("running", (await ImportAsync(owner, project, "alive")).GetProperty("state").GetString()); // 6 minutes: could be alive

        // A delivery that still comes runs the file.
        await _harness.DeliverAsync(IngestionHarness.PrelabelFunction, StorageNames.BlobContainers.Prelabels, $"{project}/dead.ndjson");
        var rerun = await ImportAsync(owner, project, "dead");
        Assert.Equal("finished", rerun.GetProperty("state").GetString());
        Assert.Equal(1, rerun.GetProperty("counts").GetProperty("pending").GetInt64());
    }

    [Fact]
    public void DefaultMaxDequeueCount_EqualsHostJson()
    {
        var hostJson = Path.Combine(RepoRoot(), "host.json");
        using var document = JsonDocument.Parse(File.ReadAllText(hostJson));
        // Pre-label files arrive through the blob trigger: the host gives a blob up after extensions.blobs.poisonBlobThreshold deliveries.
        var configured = document.RootElement.GetProperty("extensions").GetProperty("blobs").GetProperty("poisonBlobThreshold").GetInt32();
        Assert.Equal(PrelabelUploadedFunction.DefaultMaxDequeueCount, configured);
    }

    private async Task SaveRunningAsync(ImportStore imports, string project, string importId, string etag)
    {
        var now = app.Time.GetUtcNow();
        var saved = await imports.SaveAsync(
            new ImportDocument
            {
                Id = ImportDocument.IdFor(importId),
                Pk = project,
                ProjectId = project,
                ImportId = importId,
                State = ImportState.Running,
                BlobName = $"{project}/{importId}.ndjson",
                BlobETag = etag,
                RequestedBy = "unknown",
                OntologyVersion = 1,
                StartedAt = now,
                HeartbeatAt = now,
            },
            "import.started",
            now,
            CancellationToken.None);
        Assert.True(saved.Succeeded);
    }

    private async Task<(string Project, HttpClient Owner)> ProjectAsync()
    {
        var project = await app.SeedProjectAsync();
        var owner = app.ClientFor("admin-" + project, admin: true);
        (await owner.PutAsJsonAsync($"/api/projects/{project}/ontology", new { classes = new object[] { new { schemaId = "car", name = "car", tool = "bbox" } } })).EnsureSuccessStatusCode();
        return (project, owner);
    }

    private static async Task<JsonElement> ImportAsync(HttpClient owner, string project, string importId) =>
        await owner.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/imports/{importId}");

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
