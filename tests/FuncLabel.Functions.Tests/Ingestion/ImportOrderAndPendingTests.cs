using System.Net.Http.Json;
using System.Text.Json;
using FuncLabel.Data;
using FuncLabel.Data.Assets;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Domain.Tests.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Ingestion;

/// <summary>
/// Pre-label imports against Azurite and Cosmos through the queue functions: which file wins for a (data row, uuid)
/// whatever the delivery order, and the import's pending count as parked lines are applied or superseded.
/// </summary>
public sealed class ImportOrderAndPendingTests : IClassFixture<FuncLabelApp>
{
    private readonly FuncLabelApp app;
    private readonly IngestionHarness _harness;

    public ImportOrderAndPendingTests(FuncLabelApp app)
    {
        app.Time.Set(DateTimeOffset.UtcNow);
        this.app = app;
        _harness = new IngestionHarness(app);
    }

    private PrelabelStore Prelabels => app.Services.GetRequiredService<PrelabelStore>();

    [Fact]
    public async Task Import_OlderFileDeliveredAfterNewer_NewerPrelabelsAndParkedLinesKept()
    {
        var (project, owner) = await ProjectAsync();
        await _harness.IngestAssetAsync(project, "here.png", Generated.Png(200, 200));
        var uuidHere = Guid.NewGuid();
        var uuidLater = Guid.NewGuid();
        var uuidOther = Guid.NewGuid();

        // Two files: "old" written first, "new" at least a second later (Last-Modified has second precision).
        await UploadAsync(project, "old", Line(uuidHere, "here.png", left: 5, 0.95), Line(uuidLater, "later.png", left: 5, 0.95), Line(uuidOther, "here.png", left: 7, 0.5));
        await NextSecondAsync();
        await UploadAsync(project, "new", Line(uuidHere, "here.png", left: 30, 0.5), Line(uuidLater, "later.png", left: 30, 0.5));

        // The newer file's event is handled first; the older one's arrives (or is redelivered) afterwards.
        await DeliverAsync(project, "new");
        await DeliverAsync(project, "old");
        await DeliverAsync(project, "old");

        var stored = await Prelabels.AllOfAssetAsync(HashedIds.AssetId(project, "here.png"), CancellationToken.None).ToDictionaryAsync(p => p.Annotation.Uuid);
        Assert.Equal(2, stored.Count);
        Assert.Equal("new", stored[uuidHere].ImportId);
        Assert.Equal(30, Left(stored[uuidHere]));
        Assert.Equal("old", stored[uuidOther].ImportId); // a uuid only the older file has is still written

        var parked = Assert.Single(await Prelabels.PendingForAsync(project, "later.png", CancellationToken.None).ToListAsync());
        Assert.Equal("new", parked.ImportId);

        // The asset arrives: the newer file's line is the one applied.
        await _harness.IngestAssetAsync(project, "later.png", Generated.Png(200, 200));
        var applied = Assert.Single(await Prelabels.AllOfAssetAsync(HashedIds.AssetId(project, "later.png"), CancellationToken.None).ToListAsync());
        Assert.Equal("new", applied.ImportId);
        Assert.Equal(30, Left(applied));

        // The older import's parked line was superseded, so it does not wait forever: it counts by its route.
        var old = await ImportAsync(owner, project, "old");
        Assert.Equal("finished", old.GetProperty("state").GetString());
        Assert.Equal(0, Count(old, "pending"));
        Assert.Equal(2, Count(old, "accepted"));
        Assert.Equal(1, Count(old, "toReview"));
        var newer = await ImportAsync(owner, project, "new");
        Assert.Equal(0, Count(newer, "pending"));
        Assert.Equal(2, Count(newer, "toReview"));
        Assert.Equal(1, newer.GetProperty("pendingApplied").GetInt64());
    }

    [Fact]
    public async Task AssetArrival_DeliveredTwiceAndConcurrently_PendingGoesToZeroCountedOnce()
    {
        var (project, owner) = await ProjectAsync();
        var keys = new[] { "wait/a.png", "wait/b.png", "wait/c.png" };
        var lines = new List<string>();
        foreach (var key in keys)
        {
            lines.Add(Line(Guid.NewGuid(), key, left: 3, 0.95)); // accepted
            lines.Add(Line(Guid.NewGuid(), key, left: 4, 0.5));  // to review
            lines.Add(Line(Guid.NewGuid(), key, left: 5, null)); // to review
        }

        await UploadAsync(project, "early", [.. lines]);
        await DeliverAsync(project, "early");
        var before = await ImportAsync(owner, project, "early");
        Assert.Equal(9, Count(before, "pending"));
        Assert.Equal(0, Count(before, "accepted"));
        Assert.Equal(0, before.GetProperty("pendingApplied").GetInt64());

        // a: delivered twice in a row; b: twice at once; c: not yet.
        await _harness.UploadAsync(StorageNames.BlobContainers.Assets, $"{project}/{keys[0]}", Generated.Png(100, 100));
        await _harness.DeliverAsync(IngestionHarness.AssetFunction, StorageNames.BlobContainers.Assets, $"{project}/{keys[0]}");
        await _harness.DeliverAsync(IngestionHarness.AssetFunction, StorageNames.BlobContainers.Assets, $"{project}/{keys[0]}");
        await _harness.UploadAsync(StorageNames.BlobContainers.Assets, $"{project}/{keys[1]}", [.. Generated.Png(100, 100), 1]);
        await Task.WhenAll(
            _harness.DeliverAsync(IngestionHarness.AssetFunction, StorageNames.BlobContainers.Assets, $"{project}/{keys[1]}"),
            _harness.DeliverAsync(IngestionHarness.AssetFunction, StorageNames.BlobContainers.Assets, $"{project}/{keys[1]}"));

        var partly = await ImportAsync(owner, project, "early");
        Assert.Equal(3, Count(partly, "pending"));
        Assert.Equal(2, Count(partly, "accepted"));
        Assert.Equal(4, Count(partly, "toReview"));
        Assert.Equal(6, partly.GetProperty("pendingApplied").GetInt64());

        await _harness.UploadAsync(StorageNames.BlobContainers.Assets, $"{project}/{keys[2]}", [.. Generated.Png(100, 100), 2]);
        await _harness.DeliverAsync(IngestionHarness.AssetFunction, StorageNames.BlobContainers.Assets, $"{project}/{keys[2]}");
        await _harness.DeliverAsync(IngestionHarness.AssetFunction, StorageNames.BlobContainers.Assets, $"{project}/{keys[2]}");

        var done = await ImportAsync(owner, project, "early");
        Assert.Equal(0, Count(done, "pending"));
        Assert.Equal(3, Count(done, "accepted"));
        Assert.Equal(6, Count(done, "toReview"));
        Assert.Equal(9, done.GetProperty("pendingApplied").GetInt64());
        Assert.Equal(9, Count(done, "lines"));
        foreach (var key in keys)
        {
            Assert.Equal(3, await Prelabels.AllOfAssetAsync(HashedIds.AssetId(project, key), CancellationToken.None).CountAsync());
            Assert.Empty(await Prelabels.PendingForAsync(project, key, CancellationToken.None).ToListAsync());
        }
    }

    [Fact]
    public async Task Import_NewerFileReplacesWaitingLinesOfOlder_OlderNoLongerCountsThemPending()
    {
        var (project, owner) = await ProjectAsync();
        var uuid = Guid.NewGuid();
        await UploadAsync(project, "first", Line(uuid, "soon.png", left: 5, 0.95), Line(Guid.NewGuid(), "soon.png", left: 6, 0.5));
        await DeliverAsync(project, "first");
        await NextSecondAsync();
        await UploadAsync(project, "second", Line(uuid, "soon.png", left: 50, 0.5));
        await DeliverAsync(project, "second");
        await DeliverAsync(project, "second"); // redelivered: changes nothing, counts nothing twice

        var first = await ImportAsync(owner, project, "first");
        Assert.Equal(1, Count(first, "pending"));
        Assert.Equal(1, Count(first, "accepted")); // the replaced line counts by its route
        Assert.Equal(1, first.GetProperty("pendingApplied").GetInt64());

        await _harness.IngestAssetAsync(project, "soon.png", Generated.Png(200, 200));
        first = await ImportAsync(owner, project, "first");
        Assert.Equal(0, Count(first, "pending"));
        Assert.Equal(1, Count(first, "toReview"));
        var second = await ImportAsync(owner, project, "second");
        Assert.Equal(0, Count(second, "pending"));
        Assert.Equal(1, Count(second, "toReview"));
        var stored = await Prelabels.AllOfAssetAsync(HashedIds.AssetId(project, "soon.png"), CancellationToken.None).ToDictionaryAsync(p => p.Annotation.Uuid);
        Assert.Equal(2, stored.Count);
        Assert.Equal(50, Left(stored[uuid]));
    }

    private async Task<(string Project, HttpClient Owner)> ProjectAsync()
    {
        var project = await app.SeedProjectAsync();
        var owner = app.ClientFor("admin-" + project, admin: true);
        (await owner.PutAsJsonAsync($"/api/projects/{project}/ontology", new
        {
            autoAcceptAt = 0.9,
            dropBelow = 0.1,
            classes = new object[] { new { schemaId = "car", name = "car", tool = "bbox" } },
        })).EnsureSuccessStatusCode();
        return (project, owner);
    }

    private static string Line(Guid uuid, string globalKey, int left, double? confidence) =>
        $$"""{"uuid":"{{uuid}}","dataRow":{"globalKey":"{{globalKey}}"},"name":"car","bbox":{"top":2,"left":{{left}},"height":10,"width":10}{{(confidence is { } c ? ",\"confidence\":" + c.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}}}""";

    private Task UploadAsync(string project, string importId, params string[] lines) =>
        _harness.UploadAsync(StorageNames.BlobContainers.Prelabels, $"{project}/{importId}.ndjson", System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));

    private Task DeliverAsync(string project, string importId) =>
        _harness.DeliverAsync(IngestionHarness.PrelabelFunction, StorageNames.BlobContainers.Prelabels, $"{project}/{importId}.ndjson");

    private static async Task<JsonElement> ImportAsync(HttpClient owner, string project, string importId) =>
        await owner.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/imports/{importId}");

    private static long Count(JsonElement import, string name) => import.GetProperty("counts").GetProperty(name).GetInt64();

    private static double Left(PrelabelDocument prelabel) => ((Domain.Geometry.BoundingBox)prelabel.Annotation.Geometry!).Left;

    /// <summary>Waits until the wall clock is in the next second, so the next upload's Last-Modified is later.</summary>
    private static async Task NextSecondAsync()
    {
        var second = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() <= second)
        {
            await Task.Delay(50);
        }

        await Task.Delay(50);
    }
}
