using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using Azure.Storage.Blobs;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Storage;
using FuncLabel.Functions.Ingestion;
using FuncLabel.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Storage;

/// <summary>
/// Upload URLs as a browser uses them, signed with the account key (the local form): <c>POST …/uploads</c> gives a URL
/// that creates its one blob and does nothing else, and stops working at its expiry.
/// </summary>
public sealed class UploadUrlTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    private static readonly HttpClient Browser = new();

    [Fact]
    public async Task AssetUploadUrl_CreatesThatOneBlob_AndCannotReadOverwriteListOrDelete()
    {
        app.Time.Set(DateTimeOffset.UtcNow);
        var project = await app.SeedProjectAsync(("olga", "owner"));
        using var olga = app.ClientFor("olga");
        const string Path = "scans/été 2024/page one.png";

        using var answer = await olga.PostAsJsonAsync($"/api/projects/{project}/uploads", new { kind = "asset", path = Path });
        var view = await answer.Content.ReadFromJsonAsync<JsonElement>();
        var url = new Uri(view.GetProperty("url").GetString()!);
        using var created = await Browser.SendAsync(Put(url, "created", createOnly: true));
        using var read = await Browser.GetAsync(url);
        using var overwrite = await Browser.SendAsync(Put(url, "overwritten", createOnly: false));
        using var conditionalOverwrite = await Browser.SendAsync(Put(url, "overwritten", createOnly: true));
        using var delete = await Browser.DeleteAsync(url);
        using var list = await Browser.GetAsync(new UriBuilder(url) { Path = url.AbsolutePath[..url.AbsolutePath.IndexOf("/" + project, StringComparison.Ordinal)], Query = "restype=container&comp=list&" + url.Query.TrimStart('?') }.Uri);
        using var sibling = await Browser.SendAsync(Put(new UriBuilder(url) { Path = url.AbsolutePath.Replace("page%20one.png", "other.png", StringComparison.Ordinal) }.Uri, "x", createOnly: true));

        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal($"{project}/{Path}", view.GetProperty("blobName").GetString());
        Assert.Equal("c", query["sp"]);
        Assert.Equal("b", query["sr"]);
        Assert.Equal(app.Time.GetUtcNow() + UploadsApi.UrlLifetime, DateTimeOffset.Parse(query["se"]!, CultureInfo.InvariantCulture), TimeSpan.FromSeconds(1));
        Assert.Equal(app.Time.GetUtcNow() - BlobUrlSigner.ClockSkew, DateTimeOffset.Parse(query["st"]!, CultureInfo.InvariantCulture), TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal("AuthorizationPermissionMismatch", ErrorCode(read));
        Assert.Equal(HttpStatusCode.Forbidden, overwrite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, conditionalOverwrite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sibling.StatusCode);
        var stored = (await app.Services.GetRequiredService<AssetContentStore>().Blob(project, Path).DownloadContentAsync()).Value;
        Assert.Equal("created", stored.Content.ToString());
    }

    [Fact]
    public async Task UploadUrl_UsedAfterItsExpiry_IsRefused()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow - UploadsApi.UrlLifetime - TimeSpan.FromMinutes(1));
        var signer = new BlobUrlSigner(app.Services.GetRequiredService<BlobServiceClient>(), clock);
        var project = UniqueName.For("p")[..20];
        await app.Services.GetRequiredService<AssetContentStore>().CreateUploadUrlAsync(project, "warm-up.png", UploadsApi.UrlLifetime, CancellationToken.None);

        var expired = await signer.CreateUploadUrlAsync("assets", $"{project}/late.png", UploadsApi.UrlLifetime, CancellationToken.None);
        clock.Set(DateTimeOffset.UtcNow);
        var fresh = await signer.CreateUploadUrlAsync("assets", $"{project}/late.png", UploadsApi.UrlLifetime, CancellationToken.None);
        using var refused = await Browser.SendAsync(Put(expired, "late", createOnly: true));
        using var accepted = await Browser.SendAsync(Put(fresh, "in time", createOnly: true));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    private static HttpRequestMessage Put(Uri url, string text, bool createOnly)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(text) };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        if (createOnly)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        }

        return request;
    }

    private static string? ErrorCode(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-ms-error-code", out var values) ? values.FirstOrDefault() : null;
}
