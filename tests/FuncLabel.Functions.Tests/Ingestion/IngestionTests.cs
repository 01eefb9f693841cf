using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FuncLabel.Data;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Ledger;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Domain.Tests.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Ingestion;

public sealed class IngestionTests : IClassFixture<FuncLabelApp>
{
    private readonly FuncLabelApp app;
    private readonly IngestionHarness _harness;

    public IngestionTests(FuncLabelApp app)
    {
        // SAS URLs are signed with the app's clock and checked by Azurite against the real one.
        app.Time.Set(DateTimeOffset.UtcNow);
        this.app = app;
        _harness = new IngestionHarness(app);
    }

    private static object TestOntology => new
    {
        autoAcceptAt = 0.8,
        dropBelow = 0.1,
        classes = new object[]
        {
            new { schemaId = "car", name = "car", tool = "bbox", autoAcceptAt = 0.9, dropBelow = 0.3 },
            new { schemaId = "person", name = "person", tool = "bbox" },
            new { schemaId = "weather", name = "weather", tool = "radio", options = new[] { new { name = "sunny" }, new { name = "rainy" } } },
            new { schemaId = "tags", name = "tags", tool = "checklist", options = new[] { new { name = "a" }, new { name = "b" } } },
            new { schemaId = "region", name = "region", tool = "mask" },
        },
    };

    [Fact]
    public async Task AssetEvents_ImagesAndText_RegisteredWithSniffedTypeSizeShaAndDimensions()
    {
        var project = await app.SeedProjectAsync();
        using var owner = app.ClientFor("admin-" + project, admin: true);
        var fixtures = Path.Combine(RepoRoot(), "tests/FuncLabel.Domain.Tests/Ingestion/Fixtures");
        var cases = new List<(string Path, byte[] Bytes, string Type, int? W, int? H, long? CodePoints)>
        {
            ("real/granite.png", File.ReadAllBytes(Path.Combine(fixtures, "granite.png")), "image/png", 128, 128, null),
            ("real/button.gif", File.ReadAllBytes(Path.Combine(fixtures, "button.gif")), "image/gif", 78, 53, null),
            ("real/frame.jpg", File.ReadAllBytes(Path.Combine(fixtures, "frame.jpg")), "image/jpeg", 176, 108, null),
            ("real/frame.webp", File.ReadAllBytes(Path.Combine(fixtures, "frame-lossy.webp")), "image/webp", 176, 108, null),
            ("real/affine.webp", File.ReadAllBytes(Path.Combine(fixtures, "affine-lossless.webp")), "image/webp", 304, 85, null),
            ("gen/exif-heavy.jpg", Generated.Jpeg(4000, 3000, appSegments: 3), "image/jpeg", 4000, 3000, null),
            ("gen/extended.webp", Generated.WebPExtended(70000, 2), "image/webp", 70000, 2, null),
            ("gen/x.gif", Generated.Gif(321, 123), "image/gif", 321, 123, null),
            ("texts/a/b/story.txt", Encoding.UTF8.GetBytes("na\u00efve \u65e5\u672c \U0001F600\n" + new string('z', 100_000)), "text/plain; charset=utf-8", null, null, 11 + 100_000),
            ("texts/binary.bin", [0x00, 0x01, 0x02, 0xFF], "application/octet-stream", null, null, null),
        };

        foreach (var (path, bytes, _, _, _, _) in cases)
        {
            await _harness.IngestAssetAsync(project, path, bytes);
        }

        foreach (var (path, bytes, type, width, height, codePoints) in cases)
        {
            var asset = await owner.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/assets/{HashedIds.AssetId(project, path)}");
            Assert.Equal(path, asset.GetProperty("globalKey").GetString());
            Assert.Equal(type, asset.GetProperty("contentType").GetString());
            Assert.Equal(bytes.Length, asset.GetProperty("size").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), asset.GetProperty("sha256").GetString());
            Assert.Equal(width, asset.TryGetProperty("width", out var w) ? w.GetInt32() : null);
            Assert.Equal(height, asset.TryGetProperty("height", out var h) ? h.GetInt32() : null);
            Assert.Equal(codePoints, asset.TryGetProperty("codePoints", out var c) ? c.GetInt64() : null);
        }

        var page = await owner.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/assets?limit=200");
        Assert.Equal(cases.Count, page.GetProperty("items").GetArrayLength());

        // Content with Range: the bytes as uploaded.
        var gifId = HashedIds.AssetId(project, "gen/x.gif");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{project}/assets/{gifId}/content");
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(6, 9);
        using var partial = await owner.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(Generated.Gif(321, 123)[6..10], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes 6-9/13", partial.Content.Headers.ContentRange!.ToString());
        Assert.Equal("image/gif", partial.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AssetEvents_DeliveredTwice_DuplicatesAndVersions()
    {
        var project = await app.SeedProjectAsync();
        using var owner = app.ClientFor("admin-" + project, admin: true);
        var first = Generated.Png(10, 20);
        await _harness.IngestAssetAsync(project, "a.png", first);
        await _harness.DeliverAsync(IngestionHarness.AssetFunction, StorageNames.BlobContainers.Assets, $"{project}/a.png"); // redelivery
        await _harness.IngestAssetAsync(project, "copy/of-a.png", first);

        var a = await owner.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/assets/{HashedIds.AssetId(project, "a.png")}");
        Assert.Equal(1, a.GetProperty("version").GetInt32());
        Assert.Equal(1, a.GetProperty("versions").GetArrayLength());
        var copy = await owner.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/assets/{HashedIds.AssetId(project, "copy/of-a.png")}");
        Assert.Equal(HashedIds.AssetId(project, "a.png"), copy.GetProperty("duplicateOf").GetString());

        var second = Generated.Png(30, 40);
        await _harness.IngestAssetAsync(project, "a.png", second);
        await _harness.DeliverAsync(IngestionHarness.AssetFunction, StorageNames.BlobContainers.Assets, $"{project}/a.png");
        a = await owner.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/assets/{HashedIds.AssetId(project, "a.png")}");
        Assert.Equal(2, a.GetProperty("version").GetInt32());
        Assert.Equal(30, a.GetProperty("width").GetInt32());
        Assert.Equal(2, a.GetProperty("versions").GetArrayLength());

        var ledger = await app.Services.GetRequiredService<LedgerStore>().DayAsync(project, DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime), CancellationToken.None).ToListAsync();
        Assert.Equal(1, ledger.Count(e => e.Action == "asset.created" && e.Resource.EndsWith(HashedIds.AssetId(project, "a.png"), StringComparison.Ordinal)));
        Assert.Equal(1, ledger.Count(e => e.Action == "asset.version_added"));
    }

    [Fact]
    public async Task AssetEvents_UnknownProject_IngestionErrorAndCompletes()
    {
        var ghost = "ghost-" + Guid.NewGuid().ToString("N")[..8];
        var logs = await _harness.IngestAssetAsync(ghost, "x.png", Generated.Png(1, 1));
        Assert.Contains("unknown_project", logs);
        await _harness.DeliverAsync(IngestionHarness.AssetFunction, StorageNames.BlobContainers.Assets, $"{ghost}/x.png");
        using var admin = app.ClientFor("platform-admin", admin: true);
        var errors = await admin.GetFromJsonAsync<JsonElement>($"/api/projects/{ghost}/ingestion-errors");
        var item = Assert.Single(errors.GetProperty("items").EnumerateArray());
        Assert.Equal("unknown_project", item.GetProperty("reason").GetString());
        Assert.Equal($"{ghost}/x.png", item.GetProperty("blobName").GetString());
    }

    [Fact]
    public async Task Ontology_Versions_AndRemovingAClassInUse_Conflicts()
    {
        var project = await app.SeedProjectAsync();
        using var owner = app.ClientFor("admin-" + project, admin: true);
        using var put = await owner.PutAsJsonAsync($"/api/projects/{project}/ontology", TestOntology);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("\"1\"", put.Headers.ETag!.Tag);
        using var again = await owner.PutAsJsonAsync($"/api/projects/{project}/ontology", TestOntology);
        Assert.Equal("\"1\"", again.Headers.ETag!.Tag); // unchanged → no new version

        await _harness.IngestAssetAsync(project, "img.png", Generated.Png(100, 100));
        await _harness.ImportAsync(project, "first", $"{{\"uuid\":\"{Guid.NewGuid()}\",\"dataRow\":{{\"globalKey\":\"img.png\"}},\"name\":\"car\",\"bbox\":{{\"top\":1,\"left\":1,\"height\":5,\"width\":5}}}}\n");

        var withoutCar = new { classes = new object[] { new { schemaId = "person", name = "person", tool = "bbox" } } };
        using var conflict = await owner.PutAsJsonAsync($"/api/projects/{project}/ontology", withoutCar);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("ontology_in_use", await conflict.Content.ReadAsStringAsync());

        var withoutTags = new
        {
            autoAcceptAt = 0.7,
            classes = new object[] { new { schemaId = "car", name = "car", tool = "bbox" }, new { schemaId = "person", name = "person", tool = "bbox" } },
        };
        using var removed = await owner.PutAsJsonAsync($"/api/projects/{project}/ontology", withoutTags);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal("\"2\"", removed.Headers.ETag!.Tag);
        var v1 = await owner.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/ontology?version=1");
        Assert.Equal(5, v1.GetProperty("ontology").GetProperty("classes").GetArrayLength());
        var current = await owner.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/ontology");
        Assert.Equal(2, current.GetProperty("version").GetInt32());
        Assert.Equal(0.7, current.GetProperty("ontology").GetProperty("autoAcceptAt").GetDouble());
    }

    [Fact]
    public async Task Import_10000LinesWithEveryBadReason_ExactCountsErrorFilePendingRedeliveryAndOverride()
    {
        var project = await app.SeedProjectAsync();
        using var owner = app.ClientFor("admin-" + project, admin: true);
        (await owner.PutAsJsonAsync($"/api/projects/{project}/ontology", TestOntology)).EnsureSuccessStatusCode();
        var assets = new List<(string Id, string GlobalKey)>();
        for (var i = 0; i < 20; i++)
        {
            var path = $"imgs/{i}.png";
            await _harness.IngestAssetAsync(project, path, [.. Generated.Png(100, 100), (byte)i]);
            assets.Add((HashedIds.AssetId(project, path), path));
        }

        var missing = Enumerable.Range(0, 5).Select(i => $"later/{i}.png").ToList();
        var generator = new PrelabelFileGenerator(seed: 9, assets, missing);
        var file = generator.Generate(10_000);
        await _harness.ImportAsync(project, "big", file);
        await _harness.DeliverAsync(IngestionHarness.PrelabelFunction, StorageNames.BlobContainers.Prelabels, $"{project}/big.ndjson"); // redelivery

        var import = await owner.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/imports/big");
        Assert.Equal("finished", import.GetProperty("state").GetString());
        var counts = import.GetProperty("counts");
        Assert.Equal(10_000, counts.GetProperty("lines").GetInt64());
        Assert.Equal(100, counts.GetProperty("rejected").GetInt64());
        Assert.Equal(generator.Expected["accepted"], counts.GetProperty("accepted").GetInt64());
        Assert.Equal(generator.Expected["to_review"], counts.GetProperty("toReview").GetInt64());
        Assert.Equal(generator.Expected["dropped"], counts.GetProperty("dropped").GetInt64());
        Assert.Equal(generator.Expected["pending"], counts.GetProperty("pending").GetInt64());
        foreach (var reason in PrelabelFileGenerator.BadReasons)
        {
            Assert.True(counts.GetProperty("reasons").GetProperty(reason).GetInt64() > 0, reason);
        }

        Assert.Equal(1.0, import.GetProperty("progress").GetDouble());
        Assert.Equal(50, import.GetProperty("firstErrors").GetArrayLength());

        // The error file lists every bad line with its reason, and only those.
        var errorFile = (await _harness.Blobs.GetBlobContainerClient(StorageNames.BlobContainers.Imports).GetBlobClient($"{project}/big.errors.ndjson").DownloadContentAsync()).Value.Content.ToString();
        var listed = errorFile.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).Select(e => (e.GetProperty("line").GetInt64(), e.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal(generator.Bad, listed);
        using var errorLink = await new HttpClient().GetAsync(import.GetProperty("errorFileUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, errorLink.StatusCode);

        // Good lines stored: one pre-label per (asset, uuid) for ingested assets; pending lines parked.
        var prelabels = app.Services.GetRequiredService<PrelabelStore>();
        var stored = await StoredAsync(prelabels, assets);
        var expectedStored = generator.Stored.Where(s => s.Value.AssetId is not null).ToDictionary(s => s.Key, s => s.Value);
        Assert.Equal(expectedStored.Count, stored.Count);
        Assert.All(stored, s => Assert.Equal(expectedStored[s.Annotation.Uuid].AssetId, s.AssetId));
        var pendingCount = 0;
        foreach (var key in missing)
        {
            pendingCount += await prelabels.PendingForAsync(project, key, CancellationToken.None).CountAsync();
        }

        Assert.Equal(generator.Expected["pending"], pendingCount);
        Assert.All(stored, s => Assert.Equal(s.Route == ConfidenceRoute.Accept, s.Annotation.Confidence is { } c && c >= (s.Annotation.SchemaId == "car" ? 0.9 : 0.8)));

        // The assets arrive: pending lines are applied, twice-delivered events change nothing twice.
        foreach (var key in missing)
        {
            await _harness.IngestAssetAsync(project, key, [.. Generated.Png(100, 100), 0xEE, (byte)key.Length, (byte)key[6]]);
            await _harness.DeliverAsync(IngestionHarness.AssetFunction, StorageNames.BlobContainers.Assets, $"{project}/{key}");
        }

        var allAssets = assets.Concat(missing.Select(k => (HashedIds.AssetId(project, k), k))).ToList();
        var afterArrival = await StoredAsync(prelabels, allAssets);
        Assert.Equal(generator.Stored.Count, afterArrival.Count);
        foreach (var key in missing)
        {
            Assert.Equal(0, await prelabels.PendingForAsync(project, key, CancellationToken.None).CountAsync());
        }

        // Re-import of the same uuids with changed geometry: overridden, stored count unchanged.
        var again = new PrelabelFileGenerator(seed: 9, assets, missing);
        await _harness.ImportAsync(project, "big-again", again.Generate(10_000, leftOffset: 20));
        var overridden = await StoredAsync(prelabels, allAssets);
        Assert.Equal(afterArrival.Count, overridden.Count);
        Assert.All(overridden, s =>
        {
            Assert.Equal("big-again", s.ImportId);
            Assert.Equal(generator.Stored[s.Annotation.Uuid].Left + 20, ((Domain.Geometry.BoundingBox)s.Annotation.Geometry!).Left);
        });
    }

    [Fact]
    public async Task DryRun_CountsAndErrors_StoresNothing()
    {
        var project = await app.SeedProjectAsync();
        using var owner = app.ClientFor("admin-" + project, admin: true);
        (await owner.PutAsJsonAsync($"/api/projects/{project}/ontology", TestOntology)).EnsureSuccessStatusCode();
        await _harness.IngestAssetAsync(project, "one.png", Generated.Png(100, 100));
        var generator = new PrelabelFileGenerator(seed: 3, [(HashedIds.AssetId(project, "one.png"), "one.png")], ["nope.png"]);
        var body = generator.Generate(300);
        string[] partitions = [.. DatabaseSnapshot.ProjectPartitions(project, app.Time.GetUtcNow()), HashedIds.AssetId(project, "one.png"), PendingPrelabelDocument.PartitionFor(project, "nope.png")];
        var before = await DatabaseSnapshot.TakeAsync(app.Cosmos, partitions);
        using var response = await owner.PostAsync($"/api/projects/{project}/imports/dry-run", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, result.ToString());
        Assert.Equal(300, result.GetProperty("counts").GetProperty("lines").GetInt64());
        Assert.Equal(generator.Expected["accepted"], result.GetProperty("counts").GetProperty("accepted").GetInt64());
        Assert.Equal(generator.Expected["pending"], result.GetProperty("counts").GetProperty("pending").GetInt64());
        Assert.Equal(generator.Bad.Select(b => b.Reason), result.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("reason").GetString()));
        var after = await DatabaseSnapshot.TakeAsync(app.Cosmos, partitions);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Uploads_CreateOnlyUrl_RecordedInTheLedgerAndNamedInTheImport()
    {
        var project = await app.SeedProjectAsync(("olga", "owner"));
        using var olga = app.ClientFor("olga");
        (await olga.PutAsJsonAsync($"/api/projects/{project}/ontology", TestOntology)).EnsureSuccessStatusCode();
        var asset = await (await olga.PostAsJsonAsync($"/api/projects/{project}/uploads", new { kind = "asset", path = "up/load.png" })).Content.ReadFromJsonAsync<JsonElement>();
        using var http = new HttpClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, asset.GetProperty("url").GetString()) { Content = new ByteArrayContent(Generated.Png(7, 8)) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(put)).StatusCode);
        using var overwrite = new HttpRequestMessage(HttpMethod.Put, asset.GetProperty("url").GetString()) { Content = new ByteArrayContent([1]) };
        overwrite.Headers.Add("x-ms-blob-type", "BlockBlob");
        Assert.False((await http.SendAsync(overwrite)).IsSuccessStatusCode); // create-only

        var pre = await (await olga.PostAsJsonAsync($"/api/projects/{project}/uploads", new { kind = "prelabels", importId = "from-olga" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"{project}/from-olga.ndjson", pre.GetProperty("blobName").GetString());
        await _harness.DeliverAsync(IngestionHarness.AssetFunction, StorageNames.BlobContainers.Assets, $"{project}/up/load.png");
        using var putLines = new HttpRequestMessage(HttpMethod.Put, pre.GetProperty("url").GetString())
        {
            Content = new StringContent($"{{\"uuid\":\"{Guid.NewGuid()}\",\"dataRow\":{{\"globalKey\":\"up/load.png\"}},\"name\":\"person\",\"bbox\":{{\"top\":1,\"left\":1,\"height\":2,\"width\":2}},\"confidence\":0.95}}\n"),
        };
        putLines.Headers.Add("x-ms-blob-type", "BlockBlob");
        Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(putLines)).StatusCode);
        await _harness.DeliverAsync(IngestionHarness.PrelabelFunction, StorageNames.BlobContainers.Prelabels, $"{project}/from-olga.ndjson");

        var import = await olga.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/imports/from-olga");
        Assert.Equal("olga", import.GetProperty("requestedBy").GetString());
        Assert.Equal(1, import.GetProperty("counts").GetProperty("accepted").GetInt64());
        var ledger = await app.Services.GetRequiredService<LedgerStore>().DayAsync(project, DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime), CancellationToken.None).ToListAsync();
        Assert.Equal(2, ledger.Count(e => e.Action == "upload.requested" && e.Actor == "olga"));
        Assert.Contains(ledger, e => e.Action == "import.finished" && e.Details["requestedBy"] == "olga");
    }

    private static async Task<List<PrelabelDocument>> StoredAsync(PrelabelStore store, IEnumerable<(string Id, string GlobalKey)> assets)
    {
        var all = new List<PrelabelDocument>();
        foreach (var (id, _) in assets)
        {
            all.AddRange(await store.AllOfAssetAsync(id, CancellationToken.None).ToListAsync());
        }

        return all;
    }

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
