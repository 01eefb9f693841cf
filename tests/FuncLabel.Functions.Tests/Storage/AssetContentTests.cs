using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using FuncLabel.Data.Assets;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Domain.Tests.Ingestion;
using FuncLabel.Functions.Tests.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Storage;

/// <summary>
/// <c>GET …/assets/{id}/content</c> streams the asset's blob with ranged reads, for blob names with spaces, unicode and
/// nested folders.
/// </summary>
public sealed class AssetContentTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    [Theory]
    [InlineData("bytes=0-9", 0, 10)]
    [InlineData("bytes=20-", 20, -1)]
    [InlineData("bytes=-7", -7, 7)]
    [InlineData("bytes=5-100000", 5, -1)]
    public async Task Content_Range_AnswersThoseBytesWithContentRange(string range, int start, int length)
    {
        var (owner, project, path, bytes) = await IngestedAsync();
        var from = start < 0 ? bytes.Length + start : start;
        var expected = length < 0 ? bytes[from..] : bytes[from..(from + length)];

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{project}/assets/{HashedIds.AssetId(project, path)}/content");
        request.Headers.TryAddWithoutValidation("Range", range);
        using var response = await owner.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(new ContentRangeHeaderValue(from, from + expected.Length - 1, bytes.Length), response.Content.Headers.ContentRange);
        Assert.Equal(expected.Length, response.Content.Headers.ContentLength);
        owner.Dispose();
    }

    [Fact]
    public async Task Content_NoRange_StreamsTheWholeBlob_AndAnUnsatisfiableRangeGets416()
    {
        var (owner, project, path, bytes) = await IngestedAsync();
        var uri = $"/api/projects/{project}/assets/{HashedIds.AssetId(project, path)}/content";

        using var whole = await owner.GetAsync(uri);
        using var past = new HttpRequestMessage(HttpMethod.Get, uri);
        past.Headers.TryAddWithoutValidation("Range", $"bytes={bytes.Length}-");
        using var unsatisfiable = await owner.SendAsync(past);

        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\"", whole.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
        Assert.Equal($"bytes */{bytes.Length}", unsatisfiable.Content.Headers.ContentRange!.ToString());
        owner.Dispose();
    }

    [Fact]
    public async Task OpenAsync_MissingBlob_IsNull()
    {
        var store = app.Services.GetRequiredService<AssetContentStore>();

        Assert.Null(await store.OpenAsync("p-nothing-here", "no such/é.png", default, CancellationToken.None));
    }

    /// <summary>A PNG uploaded under a name with spaces, unicode and nested folders, then ingested.</summary>
    private async Task<(HttpClient Owner, string Project, string Path, byte[] Bytes)> IngestedAsync()
    {
        app.Time.Set(DateTimeOffset.UtcNow);
        var project = await app.SeedProjectAsync();
        const string Path = "scans/été 2024/nested dir/page one.png";
        var bytes = Generated.Png(40, 30);
        await new IngestionHarness(app).IngestAssetAsync(project, Path, bytes);
        return (app.ClientFor("admin-" + project, admin: true), project, Path, bytes);
    }
}
