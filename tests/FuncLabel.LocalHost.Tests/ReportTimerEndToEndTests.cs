using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Blobs;
using FuncLabel.LocalHost.Tests.Support;
using FuncLabel.Testing;

namespace FuncLabel.LocalHost.Tests;

/// <summary>
/// Issue 12's "a timer fires through the local host": the app's worker build output run by the local host executable with the
/// credential report schedule set to every 5 seconds (the setting the timer attribute references as
/// <c>%Reports__CredentialReportSchedule%</c>); the report files of the previous UTC day appear in Azurite under
/// <c>reports/org/{date}/</c> and <c>reports/{projectId}/{date}/</c>, and are served over HTTP.
/// </summary>
public sealed class ReportTimerEndToEndTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task CredentialTimer_OnAFiveSecondSchedule_WritesReportFilesToAzurite()
    {
        var project = UniqueName.For("p-reports");

        await using var app = await EndToEndApp.StartAsync("e2e-reports", Bound, new Dictionary<string, string> { ["Reports__CredentialReportSchedule"] = "*/5 * * * * *" });
        var host = app.Host;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var ct = timeout.Token;
        using var admin = await app.ClientAsync("admin-reports", admin: true, ct);
        var before = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        using (var created = await app.UntilListeningAsync(() => admin.PostAsJsonAsync("api/projects", new { id = project, name = "reports end to end" }, ct), ct))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST project: {(int)created.StatusCode}\n{host.Output}");
        }

        var reports = new BlobServiceClient(app.Storage).GetBlobContainerClient("reports");
        var found = new List<string>();
        var deadline = DateTime.UtcNow + Bound;
        string[] expected = [];
        while (DateTime.UtcNow < deadline)
        {
            // The timer builds the previous UTC day of its run; around midnight that may be either of two dates.
            var days = new[] { before, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1) }.Distinct().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            found.Clear();
            await foreach (var blob in GetBlobsOrNoneAsync(reports, ct))
            {
                found.Add(blob);
            }

            expected = days
                .Select(day => new[] { $"org/{day}/credentials.json", $"org/{day}/credentials.csv", $"org/{day}/credentials.html", $"{project}/{day}/credentials.json", $"{project}/{day}/credentials.csv", $"{project}/{day}/credentials.html" })
                .FirstOrDefault(names => names.All(found.Contains)) ?? [];
            if (expected.Length > 0)
            {
                break;
            }

            await Task.Delay(500, ct);
        }

        Assert.True(expected.Length == 6, $"Report files never appeared; found: {string.Join(", ", found)}\n{host.Output}");
        var day = expected[0].Split('/')[1];
        using var html = await admin.GetAsync($"api/projects/{project}/reports/credentials/{day}?format=html", ct);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        var org = await admin.GetStringAsync("api/reports/org/credentials/latest?format=csv", ct);
        Assert.StartsWith("section,id,subject,metric,value,detail\r\n", org, StringComparison.Ordinal);
    }

    /// <summary>The blob names in the container, or none while the first build has not created it yet.</summary>
    private static async IAsyncEnumerable<string> GetBlobsOrNoneAsync(BlobContainerClient container, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var names = new List<string>();
        try
        {
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                names.Add(blob.Name);
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            yield break;
        }

        foreach (var name in names)
        {
            yield return name;
        }
    }

}
