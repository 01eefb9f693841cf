using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace FuncLabel.Functions.Tests.Security;

/// <summary>
/// Each limit answers a problem document naming what is wrong, and a rejected request leaves every container
/// as it was (before/after snapshot of the partitions the request could touch). The app runs with a 64 KiB body limit.
/// </summary>
public sealed class LimitsTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    [Fact]
    public Task BodyOverLimit_WithContentLength_Is413() => AssertRejected(HttpStatusCode.RequestEntityTooLarge, null, (project, admin) =>
        admin.PutAsync($"/api/projects/{project}/members/newcomer", new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"role":"annotator","pad":"{{new string('x', 70_000)}}"}""")) { Headers = { { "Content-Type", "application/json" } } }));

    [Fact]
    public Task BodyOverLimit_Chunked_Is413() => AssertRejected(HttpStatusCode.RequestEntityTooLarge, null, (project, admin) =>
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"role":"annotator","pad":"{{new string('x', 70_000)}}"}""")));
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentLength = null;
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/projects/{project}/members/newcomer") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        return admin.SendAsync(request);
    });

    [Fact]
    public Task NameTooLong_Is400NamingTheField() => AssertRejected(HttpStatusCode.BadRequest, "name", (project, admin) =>
        admin.PostAsJsonAsync("/api/projects", new { id = "p-long-" + Guid.NewGuid().ToString("N")[..8], name = new string('n', 201) }));

    [Fact]
    public Task DescriptionWithControlCharacters_Is400NamingTheField() => AssertRejected(HttpStatusCode.BadRequest, "description", (project, admin) =>
        admin.PatchAsJsonAsync($"/api/projects/{project}", new { description = "bell\u0007" }));

    [Fact]
    public Task ProjectIdWithSlashOrUpperCase_Is400NamingTheField() => AssertRejected(HttpStatusCode.BadRequest, "id", (project, admin) =>
        admin.PostAsJsonAsync("/api/projects", new { id = "../Evil", name = "evil" }));

    [Fact]
    public async Task ProjectIdOrg_IsReservedForTheOrganisationScope_Is400NamingTheField()
    {
        await AssertRejected(HttpStatusCode.BadRequest, "id", (project, admin) => admin.PostAsJsonAsync("/api/projects", new { id = "org", name = "org" }));
        using var admin = app.ClientFor("limits-admin", admin: true);
        using var org = await admin.GetAsync("/api/projects/org");
        Assert.Equal(HttpStatusCode.NotFound, org.StatusCode);
    }

    [Fact]
    public Task RouteProjectIdOutOfPattern_Is400NamingTheField() => AssertRejected(HttpStatusCode.BadRequest, "projectId", (project, admin) =>
        admin.GetAsync("/api/projects/NOT_AN_ID"));

    [Theory]
    [InlineData("a..b")]
    [InlineData("bell%07")]
    [InlineData("..%2Fadmin")]
    public Task UserIdOutOfPattern_Is400NamingTheField(string userId) => AssertRejected(HttpStatusCode.BadRequest, "userId", (project, admin) =>
        admin.PutAsJsonAsync($"/api/projects/{project}/members/{userId}", new { role = "annotator" }));

    [Fact]
    public Task UnknownRole_Is400NamingTheField() => AssertRejected(HttpStatusCode.BadRequest, "role", (project, admin) =>
        admin.PutAsync($"/api/projects/{project}/members/newcomer", new StringContent("""{"role":null}""", Encoding.UTF8, "application/json")));

    [Fact]
    public async Task GoodRequestAfterRejectedOnes_GoesThrough()
    {
        var project = await app.SeedProjectAsync();
        using var admin = app.ClientFor("limits-admin", admin: true);
        using var bad = await admin.PutAsJsonAsync($"/api/projects/{project}/members/a..b", new { role = "annotator" });
        using var good = await admin.PutAsJsonAsync($"/api/projects/{project}/members/newcomer", new { role = "annotator" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    private async Task AssertRejected(HttpStatusCode status, string? field, Func<string, HttpClient, Task<HttpResponseMessage>> send)
    {
        var project = await app.SeedProjectAsync(("limits-owner", "owner"));
        using var admin = app.ClientFor("limits-admin", admin: true);
        var partitions = DatabaseSnapshot.ProjectPartitions(project, app.Time.GetUtcNow(), "limits-owner", "limits-admin", "newcomer");
        var before = await DatabaseSnapshot.TakeAsync(app.Cosmos, partitions);

        using var response = await send(project, admin);
        var body = await response.JsonAsync();
        var after = await DatabaseSnapshot.TakeAsync(app.Cosmos, partitions);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            Assert.NotNull(body["errors"]?[field]);
        }

        Assert.Equal(before, after);
    }
}
