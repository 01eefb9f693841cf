using System.Net.Http.Json;
using FuncLabel.Data.Ledger;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Tests.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Security;

/// <summary>
/// Every state-changing route (every non-GET endpoint of the API, read from the endpoint data source) writes
/// its ledger event. A new route without a case here fails the test, so none is born without its event; only
/// endpoints marked <see cref="ChangesNoStateMetadata"/> (pure computations) are exempt.
/// </summary>
public sealed class LedgerCoverageTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    /// <summary>How to make each route change state, and the ledger action it must record.</summary>
    private static readonly Dictionary<string, (string Action, Func<Context, Task<HttpResponseMessage>> Send)> Cases = new()
    {
        ["POST /api/projects"] = ("project.created", c => c.Admin.PostAsJsonAsync("/api/projects", new { id = c.NewProject, name = "ledger" })),
        ["PATCH /api/projects/{projectId}"] = ("project.updated", c => c.Admin.PatchAsJsonAsync($"/api/projects/{c.Project}", new { name = "renamed" })),
        ["PUT /api/projects/{projectId}/members/{userId}"] = ("member.added", c => c.Admin.PutAsJsonAsync($"/api/projects/{c.Project}/members/ledger-new", new { role = "reviewer" })),
        ["DELETE /api/projects/{projectId}/members/{userId}"] = ("member.removed", c => c.Admin.DeleteAsync($"/api/projects/{c.Project}/members/ledger-old")),
        ["PUT /api/projects/{projectId}/ontology"] = ("ontology.created", c => c.Admin.PutAsJsonAsync($"/api/projects/{c.Project}/ontology", new { classes = new[] { new { name = "car", tool = "bbox" } } })),
        ["POST /api/projects/{projectId}/uploads"] = ("upload.requested", c => c.Admin.PostAsJsonAsync($"/api/projects/{c.Project}/uploads", new { kind = "asset", path = "ledger/a.png" })),
        ["DELETE /api/projects/{projectId}/assets/{assetId}"] = ("asset.deleted", async c =>
        {
            await new Ingestion.IngestionHarness(c.App).IngestAssetAsync(c.Project, "ledger/b.png", Domain.Tests.Ingestion.Generated.Png(2, 2));
            return await c.Admin.DeleteAsync($"/api/projects/{c.Project}/assets/{Domain.Ingestion.HashedIds.AssetId(c.Project, "ledger/b.png")}");
        }),
        ["POST /api/projects/{projectId}/jobs"] = ("job.created", c => c.Admin.PostAsJsonAsync($"/api/projects/{c.Project}/jobs", new { id = "ledger-job", name = "Ledger" })),
        ["PATCH /api/projects/{projectId}/jobs/{jobId}"] = ("job.updated", async c =>
        {
            await Work.WorkSeed.CreateAndLaunchAsync(c.Admin, c.Project, "ledger-job", 1, 0);
            return await c.Admin.PatchAsJsonAsync($"/api/projects/{c.Project}/jobs/ledger-job", new { name = "renamed" });
        }),
        ["POST /api/projects/{projectId}/jobs/{jobId}/launch"] = ("job.launched", async c =>
        {
            (await c.Admin.PostAsJsonAsync($"/api/projects/{c.Project}/jobs", new { id = "ledger-job", name = "Ledger" })).Dispose();
            return await c.Admin.PostAsync($"/api/projects/{c.Project}/jobs/ledger-job/launch", null);
        }),
        ["POST /api/projects/{projectId}/jobs/{jobId}/pause"] = ("job.paused", async c =>
        {
            await Work.WorkSeed.CreateAndLaunchAsync(c.Admin, c.Project, "ledger-job", 1, 0);
            return await c.Admin.PostAsync($"/api/projects/{c.Project}/jobs/ledger-job/pause", null);
        }),
        ["POST /api/projects/{projectId}/jobs/{jobId}/complete"] = ("job.completed", async c =>
        {
            await Work.WorkSeed.CreateAndLaunchAsync(c.Admin, c.Project, "ledger-job", 1, 0);
            return await c.Admin.PostAsync($"/api/projects/{c.Project}/jobs/ledger-job/complete", null);
        }),
        ["POST /api/projects/{projectId}/jobs/{jobId}/exports"] = ("export.requested", async c =>
        {
            await Work.WorkSeed.CreateAndLaunchAsync(c.Admin, c.Project, "ledger-job", 1, 0);
            return await c.Admin.PostAsJsonAsync($"/api/projects/{c.Project}/jobs/ledger-job/exports", new { content = "consensus" });
        }),
        ["POST /api/projects/{projectId}/jobs/{jobId}/tasks/claim"] = ("task.claimed", async c =>
        {
            await Work.WorkSeed.ActiveJobWithOneAssetAsync(c.App.Services, c.App.Time, c.Admin, c.Project, "ledger-job");
            return await c.Admin.PostAsJsonAsync($"/api/projects/{c.Project}/jobs/ledger-job/tasks/claim", new { kind = "draw" });
        }),
        ["PUT /api/projects/{projectId}/jobs/{jobId}/tasks/{taskId}/draft"] = ("task.draft_saved", async c =>
        {
            var task = await ClaimedDrawAsync(c);
            return await c.Admin.PutAsJsonAsync($"/api/projects/{c.Project}/jobs/ledger-job/tasks/{task["id"]}/draft", new { annotations = new[] { Work.WorkSeed.Box(1, 1) } });
        }),
        ["POST /api/projects/{projectId}/jobs/{jobId}/tasks/{taskId}/submit"] = ("task.submitted", async c =>
            await Work.WorkSeed.SubmitAsync(c.Admin, c.Project, "ledger-job", await ClaimedDrawAsync(c), Work.WorkSeed.Box(1, 1))),
        ["POST /api/projects/{projectId}/jobs/{jobId}/tasks/{taskId}/release"] = ("task.released", async c =>
            await c.Admin.PostAsync($"/api/projects/{c.Project}/jobs/ledger-job/tasks/{(await ClaimedDrawAsync(c))["id"]}/release", null)),
        ["POST /api/projects/{projectId}/jobs/{jobId}/tasks/{taskId}/skip"] = ("task.skipped", async c =>
            await c.Admin.PostAsJsonAsync($"/api/projects/{c.Project}/jobs/ledger-job/tasks/{(await ClaimedDrawAsync(c))["id"]}/skip", new { reason = "blurred" })),
        ["POST /api/projects/{projectId}/jobs/{jobId}/tasks/{taskId}/review"] = ("task.reviewed", async c =>
        {
            await Work.WorkSeed.ActiveJobWithOneAssetAsync(c.App.Services, c.App.Time, c.Admin, c.Project, "ledger-job", passesPerFile: 1, reviewFrequency: 1);
            using var drawer = c.App.ClientFor("ledger-old");
            using var submitted = await Work.WorkSeed.SubmitAsync(drawer, c.Project, "ledger-job", await Work.WorkSeed.ClaimAsync(drawer, c.Project, "ledger-job", "draw"), Work.WorkSeed.Box(1, 1));
            await Work.WorkSeed.FanOutSubmissionAsync(c.App.Services, c.Project, "ledger-job", await submitted.JsonAsync());
            var review = await Work.WorkSeed.ClaimAsync(c.Admin, c.Project, "ledger-job", "review");
            return await c.Admin.PostAsJsonAsync($"/api/projects/{c.Project}/jobs/ledger-job/tasks/{review["id"]}/review", new { outcome = "approve" });
        }),
        ["POST /api/credential-types"] = ("credential_type.created", c => c.Admin.PostAsJsonAsync("/api/credential-types", new { id = "ledger-ct", name = "Ledger" })),
        ["POST /api/users/{userId}/credentials"] = ("credential.granted", async c =>
        {
            await Training.TrainingSeed.CreateCredentialTypeAsync(c.Admin, "ledger-ct-grant", 30);
            return await c.Admin.PostAsJsonAsync("/api/users/ledger-old/credentials", new { typeId = "ledger-ct-grant", evidenceNote = "checked" });
        }),
        ["POST /api/users/{userId}/credentials/{typeId}/revoke"] = ("credential.revoked", async c =>
        {
            await Training.TrainingSeed.CreateCredentialTypeAsync(c.Admin, "ledger-ct-revoke", null);
            (await c.Admin.PostAsJsonAsync("/api/users/ledger-old/credentials", new { typeId = "ledger-ct-revoke", evidenceNote = "checked" })).Dispose();
            return await c.Admin.PostAsJsonAsync("/api/users/ledger-old/credentials/ledger-ct-revoke/revoke", new { reason = "ledger" });
        }),
        ["POST /api/projects/{projectId}/templates"] = ("template.created", async c =>
        {
            await Training.TrainingSeed.PutOntologyAsync(c.Admin, c.Project);
            return await c.Admin.PostAsync($"/api/projects/{c.Project}/templates", Training.TrainingSeed.Json($$"""{ "id": "ledger-t", "name": "t", "assetId": "a-1", "gold": [ {{Training.TrainingSeed.Box(1, 10)}} ] }"""));
        }),
        ["POST /api/projects/{projectId}/templates/from-task"] = ("template.created_from_task", async c =>
        {
            (await c.Admin.PutAsJsonAsync($"/api/projects/{c.Project}/ontology", new { classes = new[] { new { schemaId = "car", name = "car", tool = "bbox" } } })).Dispose();
            await Work.WorkSeed.ActiveJobWithOneAssetAsync(c.App.Services, c.App.Time, c.Admin, c.Project, "ledger-ft-job");
            var task = await Work.WorkSeed.ClaimAsync(c.Admin, c.Project, "ledger-ft-job", "draw");
            (await Work.WorkSeed.SubmitAsync(c.Admin, c.Project, "ledger-ft-job", task, Work.WorkSeed.Box(1, 1))).Dispose();
            return await c.Admin.PostAsJsonAsync($"/api/projects/{c.Project}/templates/from-task", new { id = "ledger-ft", name = "t", jobId = "ledger-ft-job", taskId = (string)task["id"]! });
        }),
        ["PATCH /api/projects/{projectId}/templates/{templateId}"] = ("template.updated", async c =>
            await c.Admin.PatchAsJsonAsync($"/api/projects/{c.Project}/templates/{await Training.TrainingSeed.LedgerTemplateAsync(c.Admin, c.Project)}", new { name = "renamed" })),
        ["POST /api/projects/{projectId}/templates/{templateId}/practice"] = ("practice.scored", async c =>
            await c.Admin.PostAsync($"/api/projects/{c.Project}/templates/{await Training.TrainingSeed.LedgerTemplateAsync(c.Admin, c.Project)}/practice", Training.TrainingSeed.Json("""{ "answer": [] }"""))),
        ["POST /api/projects/{projectId}/exams"] = ("exam.created", async c =>
            await c.Admin.PostAsJsonAsync($"/api/projects/{c.Project}/exams", new { id = "ledger-e", name = "e", templateIds = new[] { await Training.TrainingSeed.LedgerTemplateAsync(c.Admin, c.Project) }, passMark = 50, allowedAttempts = 1 })),
        ["PATCH /api/projects/{projectId}/exams/{examId}"] = ("exam.updated", async c =>
            await c.Admin.PatchAsJsonAsync($"/api/projects/{c.Project}/exams/{await Training.TrainingSeed.LedgerExamAsync(c.Admin, c.Project)}", new { passMark = 60 })),
        ["POST /api/projects/{projectId}/exams/{examId}/attempts"] = ("attempt.started", async c =>
            await c.Admin.PostAsync($"/api/projects/{c.Project}/exams/{await Training.TrainingSeed.LedgerExamAsync(c.Admin, c.Project)}/attempts", Training.TrainingSeed.Json("{}"))),
        ["POST /api/attempts/{attemptId}/items/{itemId}/score"] = ("attempt.answered", async c =>
            await c.Admin.PostAsync($"/api/attempts/{await Training.TrainingSeed.StartAttemptAsync(c.Admin, c.Project, await Training.TrainingSeed.LedgerExamAsync(c.Admin, c.Project))}/items/ledger-t/score", Training.TrainingSeed.Json("""{ "answer": [] }"""))),
        ["POST /api/attempts/{attemptId}/finish"] = ("attempt.finished", async c =>
            await c.Admin.PostAsync($"/api/attempts/{await Training.TrainingSeed.StartAttemptAsync(c.Admin, c.Project, await Training.TrainingSeed.LedgerExamAsync(c.Admin, c.Project))}/finish", Training.TrainingSeed.Json("{}"))),
        ["POST /api/projects/{projectId}/reports/{kind}/{date}/build"] = ("report.built", c =>
            c.Admin.PostAsync($"/api/projects/{c.Project}/reports/quality/{c.App.Time.GetUtcNow().UtcDateTime:yyyy-MM-dd}/build", null)),
        ["POST /api/reports/org/{kind}/{date}/build"] = ("report.built", c =>
            c.Admin.PostAsync($"/api/reports/org/credentials/{c.App.Time.GetUtcNow().UtcDateTime:yyyy-MM-dd}/build", null)),
    };

    /// <summary>
    /// Routes whose event is left on the work item for a later write (claims and renewals: the next write of the item;
    /// a submit: its <c>task-events</c> consumer) or, when none comes, for the outbox sweep — which the test runs.
    /// </summary>
    private static readonly HashSet<string> Deferred =
    [
        "POST /api/projects/{projectId}/jobs/{jobId}/tasks/claim",
        "PUT /api/projects/{projectId}/jobs/{jobId}/tasks/{taskId}/draft",
        "POST /api/projects/{projectId}/jobs/{jobId}/tasks/{taskId}/submit",
    ];

    [Fact]
    public async Task EveryStateChangingRoute_WritesItsLedgerEvent()
    {
        var routes = ApiRoutes.All
            .Where(r => r.Function.Access is not AnonymousRule && !r.Function.ChangesNoState && r.Method != "GET")
            .Select(r => r.ToString())
            .ToList();
        Assert.NotEmpty(routes);
        Assert.Empty(routes.Except(Cases.Keys));

        foreach (var route in routes)
        {
            var context = new Context(
                await app.SeedProjectAsync(("ledger-old", "annotator")),
                "p-" + Guid.NewGuid().ToString("N")[..12],
                app.ClientFor("ledger-admin", admin: true),
                app);
            var (action, send) = Cases[route];
            using var response = await send(context);
            Assert.True(response.IsSuccessStatusCode, $"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (Deferred.Contains(route))
            {
                app.Time.Advance(Data.Outbox.OutboxSweep.MinimumAge + TimeSpan.FromSeconds(1));
                await app.Services.GetRequiredService<Data.Outbox.OutboxSweep>().RunAsync(CancellationToken.None);
            }

            var scope = route == "POST /api/projects" ? context.NewProject
                : route.Contains("credential", StringComparison.Ordinal) || route.StartsWith("POST /api/reports/org/", StringComparison.Ordinal) ? LedgerEvent.OrgScope
                : context.Project;
            var events = await app.Services.GetRequiredService<LedgerStore>()
                .DayAsync(scope, DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime), CancellationToken.None).ToListAsync();
            Assert.True(events.Any(e => e.Action == action && e.Actor == "ledger-admin"), $"{route} recorded no '{action}' event by ledger-admin");
            context.Admin.Dispose();
        }
    }

    /// <summary>An active one-asset job "ledger-job" in the case's project with a draw task claimed by the admin.</summary>
    private static async Task<System.Text.Json.Nodes.JsonNode> ClaimedDrawAsync(Context c)
    {
        await Work.WorkSeed.ActiveJobWithOneAssetAsync(c.App.Services, c.App.Time, c.Admin, c.Project, "ledger-job");
        return await Work.WorkSeed.ClaimAsync(c.Admin, c.Project, "ledger-job", "draw");
    }

    private sealed record Context(string Project, string NewProject, HttpClient Admin, FuncLabelApp App);
}
