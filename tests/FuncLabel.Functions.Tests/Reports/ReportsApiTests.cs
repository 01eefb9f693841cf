using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FuncLabel.Data.Ledger;
using FuncLabel.Data.Reports;
using FuncLabel.Domain.Reports;
using FuncLabel.Functions.Invocation;
using FuncLabel.Functions.Reports;
using FuncLabel.Functions.Tests.Training;
using FuncLabel.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Reports;

/// <summary>
/// The report routes and timers against Azurite and the Cosmos DB server: builds write JSON, CSV and HTML under
/// <c>reports/{scope}/{date}/</c>, serve them with their content types, list them, overwrite them on rebuild and record
/// <c>report.built</c>; the project credential report counts members only, the organisation-wide one everyone.
/// </summary>
public sealed class ReportsApiTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    private string Today => app.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task BuildAndRead_CredentialReport_ProjectCountsMembersOrgCountsEveryone()
    {
        var owner = UniqueName.For("rep-owner");
        var member = UniqueName.For("rep-member");
        var outsider = UniqueName.For("rep-outsider");
        var project = await app.SeedProjectAsync((owner, "owner"), (member, "annotator"));
        var type = UniqueName.For("rep-type");
        using var admin = app.ClientFor("rep-admin", admin: true);
        using var ownerClient = app.ClientFor(owner);
        await TrainingSeed.CreateCredentialTypeAsync(admin, type, 10);
        foreach (var user in new[] { member, outsider })
        {
            using var granted = await admin.PostAsJsonAsync($"/api/users/{user}/credentials", new { typeId = type, evidenceNote = "checked" });
            Assert.True(granted.IsSuccessStatusCode, await granted.Content.ReadAsStringAsync());
        }

        using var built = await ownerClient.PostAsync($"/api/projects/{project}/reports/credentials/{Today}/build", null);
        Assert.Equal(HttpStatusCode.OK, built.StatusCode);
        var build = await built.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, owner, "credentials"), (build.GetProperty("builds").GetInt32(), build.GetProperty("builtBy").GetString(), build.GetProperty("kind").GetString()));

        using var json = await ownerClient.GetAsync($"/api/projects/{project}/reports/credentials/{Today}?format=json");
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        var report = await json.Content.ReadFromJsonAsync<JsonElement>();
        var totals = report.GetProperty("totals");
        Assert.Equal((1, 1, 1), (totals.GetProperty("grants").GetInt32(), totals.GetProperty("activeHolders").GetInt32(), totals.GetProperty("expiringSoon").GetInt32()));
        var typeEntry = report.GetProperty("types").EnumerateArray().Single(t => t.GetProperty("typeId").GetString() == type);
        Assert.Equal([member], typeEntry.GetProperty("activeHolders").EnumerateArray().Select(h => h.GetProperty("userId").GetString()));
        Assert.Equal("offline", typeEntry.GetProperty("activeHolders")[0].GetProperty("source").GetString());

        using var csv = await ownerClient.GetAsync($"/api/projects/{project}/reports/credentials/{Today}?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var csvText = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("section,id,subject,metric,value,detail\r\n", csvText, StringComparison.Ordinal);
        Assert.Contains($"\r\nevent,{type},{member},granted,", csvText, StringComparison.Ordinal);
        Assert.DoesNotContain(outsider, csvText, StringComparison.Ordinal);

        using var html = await ownerClient.GetAsync($"/api/projects/{project}/reports/credentials/latest?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var orgBuilt = await admin.PostAsync($"/api/reports/org/credentials/{Today}/build", null);
        Assert.Equal(HttpStatusCode.OK, orgBuilt.StatusCode);
        var org = await admin.GetFromJsonAsync<JsonElement>("/api/reports/org/credentials/latest");
        var orgType = org.GetProperty("types").EnumerateArray().Single(t => t.GetProperty("typeId").GetString() == type);
        Assert.Equal((2, 2), (orgType.GetProperty("grants").GetInt32(), orgType.GetProperty("activeHolderCount").GetInt32()));
        Assert.Equal("org", org.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Rebuild_OverwritesTheSameFiles_ListsOneEntry_RecordsEachBuild()
    {
        var owner = UniqueName.For("rep-owner");
        var project = await app.SeedProjectAsync((owner, "owner"));
        using var ownerClient = app.ClientFor(owner);
        using (var created = await ownerClient.PostAsJsonAsync($"/api/projects/{project}/jobs", new { id = "rep-job", name = "Cars" }))
        {
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        using (var first = await ownerClient.PostAsync($"/api/projects/{project}/reports/quality/{Today}/build", null))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        app.Time.Advance(TimeSpan.FromMinutes(5));
        using var second = await ownerClient.PostAsync($"/api/projects/{project}/reports/quality/{Today}/build", null);
        Assert.Equal(2, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("builds").GetInt32());

        var list = await ownerClient.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/reports");
        var entry = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(("quality", Today), (entry.GetProperty("kind").GetString(), entry.GetProperty("date").GetString()));
        Assert.Equal(["json", "csv", "html"], entry.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal($"/api/projects/{project}/reports/quality/{Today}?format=csv", entry.GetProperty("links").GetProperty("csv").GetString());

        var quality = await ownerClient.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/reports/quality/latest");
        Assert.Equal(app.Time.GetUtcNow(), quality.GetProperty("generatedAt").GetDateTimeOffset());
        var job = Assert.Single(quality.GetProperty("jobs").EnumerateArray());
        Assert.Equal(("rep-job", "Cars", 0), (job.GetProperty("jobId").GetString(), job.GetProperty("name").GetString(), job.GetProperty("submissions").GetInt32()));

        var events = await app.Services.GetRequiredService<LedgerStore>().DayAsync(project, DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime), CancellationToken.None).ToListAsync();
        Assert.Equal(2, events.Count(e => e.Action == "report.built" && e.Actor == owner && e.Details["kind"] == "quality"));
    }

    [Fact]
    public async Task Routes_UnknownKindBadDateFutureDateNeverBuiltOrOrgExams_Answer404()
    {
        var owner = UniqueName.For("rep-owner");
        var project = await app.SeedProjectAsync((owner, "owner"));
        using var ownerClient = app.ClientFor(owner);
        using var admin = app.ClientFor("rep-admin", admin: true);
        var tomorrow = app.Time.GetUtcNow().AddDays(1).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        foreach (var (client, method, path) in new[]
        {
            (ownerClient, HttpMethod.Get, $"/api/projects/{project}/reports/weather/{Today}"),
            (ownerClient, HttpMethod.Get, $"/api/projects/{project}/reports/exams/24-11-2026"),
            (ownerClient, HttpMethod.Get, $"/api/projects/{project}/reports/exams/{Today}?format=pdf"),
            (ownerClient, HttpMethod.Get, $"/api/projects/{project}/reports/exams/latest"),
            (ownerClient, HttpMethod.Post, $"/api/projects/{project}/reports/exams/{tomorrow}/build"),
            (admin, HttpMethod.Get, "/api/reports/org/exams/latest"),
            (admin, HttpMethod.Post, $"/api/reports/org/quality/{Today}/build"),
        })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, path));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task CredentialTimer_BuildsYesterdayForOrgAndEveryProject()
    {
        var project = await app.SeedProjectAsync((UniqueName.For("rep-owner"), "owner"));
        var yesterday = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddDays(-1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The timer function as the worker runs it on its schedule (timers are disabled in the test app).
            await scope.ServiceProvider.GetRequiredService<CredentialReportFunction>().RunAsync(
                new TimerInvocation(Guid.NewGuid().ToString(), IsPastDue: false, Last: null, Next: null), CancellationToken.None);
        }

        var files = app.Services.GetRequiredService<ReportBlobStore>();
        foreach (var scope in new[] { LedgerEvent.OrgScope, project })
        {
            foreach (var format in ReportFiles.AllFormats)
            {
                Assert.NotNull(await files.ReadAsync(scope, yesterday, ReportKind.Credentials, format, CancellationToken.None));
            }
        }

        var build = await app.Services.GetRequiredService<ReportBuildStore>().GetAsync(project, ReportKind.Credentials, yesterday, CancellationToken.None);
        Assert.Equal(("system", 1L), (build!.BuiltBy, build.Version));
    }
}
