using System.Net;
using System.Text;
using FuncLabel.Storage.Sas;
using FuncLabel.Testing;

namespace FuncLabel.Storage.Tests.Azurite;

/// <summary>Service SAS URLs used by a plain HTTP client, as a browser would.</summary>
public sealed class SasUrlFactoryTests
{
    private static readonly HttpClient Browser = new();

    [Fact]
    public async Task CreateUploadUrlAsync_CreateOnly_CanCreateButNotReadOverwriteOrDelete()
    {
        await using var test = await TestContainer.CreateAsync();
        var factory = new SasUrlFactory(AzuriteAccount.BlobService, TimeProvider.System);
        var url = await factory.CreateUploadUrlAsync(test.Client.Name, "in/photo one.jpg", TimeSpan.FromMinutes(10));

        using var create = await Browser.SendAsync(PutBlob(url, "created", createOnly: true));
        using var read = await Browser.GetAsync(url);
        using var overwrite = await Browser.SendAsync(PutBlob(url, "overwritten", createOnly: false));
        using var conditionalOverwrite = await Browser.SendAsync(PutBlob(url, "overwritten", createOnly: true));
        using var delete = await Browser.DeleteAsync(url);

        Assert.Contains("sp=c&", url.Query, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal("AuthorizationPermissionMismatch", ErrorCode(read));
        Assert.Equal(HttpStatusCode.Forbidden, overwrite.StatusCode);
        Assert.Equal("AuthorizationPermissionMismatch", ErrorCode(overwrite));
        Assert.Equal(HttpStatusCode.Forbidden, conditionalOverwrite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("created", (await test.Blob("in/photo one.jpg").DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task CreateReadUrlAsync_Valid_ReadsButCannotWrite()
    {
        await using var test = await TestContainer.CreateAsync();
        await test.Blob("données/été.txt").UploadAsync(BinaryData.FromString("content"));
        var factory = new SasUrlFactory(AzuriteAccount.BlobService, TimeProvider.System);
        var url = await factory.CreateReadUrlAsync(test.Client.Name, "données/été.txt", TimeSpan.FromMinutes(10));

        using var read = await Browser.GetAsync(url);
        using var write = await Browser.SendAsync(PutBlob(url, "replaced", createOnly: false));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("content", await read.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task CreateReadUrlAsync_SignedWithClockPastExpiry_IsRefused()
    {
        await using var test = await TestContainer.CreateAsync();
        await test.Blob("report.json").UploadAsync(BinaryData.FromString("{}"));
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow.AddHours(-2));
        var factory = new SasUrlFactory(AzuriteAccount.BlobService, clock);

        var expired = await factory.CreateReadUrlAsync(test.Client.Name, "report.json", TimeSpan.FromHours(1));
        clock.Advance(TimeSpan.FromHours(2));
        var fresh = await factory.CreateReadUrlAsync(test.Client.Name, "report.json", TimeSpan.FromHours(1));
        using var refused = await Browser.GetAsync(expired);
        using var accepted = await Browser.GetAsync(fresh);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("AuthorizationFailure", ErrorCode(refused));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task CreateReadUrlAsync_TamperedPermission_IsRefused()
    {
        await using var test = await TestContainer.CreateAsync();
        await test.Blob("a.txt").UploadAsync(BinaryData.FromString("a"));
        var factory = new SasUrlFactory(AzuriteAccount.BlobService, TimeProvider.System);
        var url = await factory.CreateReadUrlAsync(test.Client.Name, "a.txt", TimeSpan.FromMinutes(5));
        var tampered = new Uri(url.AbsoluteUri.Replace("sp=r&", "sp=rw&", StringComparison.Ordinal));

        using var response = await Browser.SendAsync(PutBlob(tampered, "b", createOnly: false));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("AuthorizationFailure", ErrorCode(response));
    }

    private static HttpRequestMessage PutBlob(Uri url, string text, bool createOnly)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(text, Encoding.UTF8, "text/plain") };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        request.Headers.Add("x-ms-version", StorageClientOptions.DefaultServiceVersion);
        if (createOnly)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        }

        return request;
    }

    private static string? ErrorCode(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-ms-error-code", out var values) ? values.FirstOrDefault() : null;
}
