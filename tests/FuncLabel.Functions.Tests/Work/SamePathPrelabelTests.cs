using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FuncLabel.Functions.Tests.Ingestion;

namespace FuncLabel.Functions.Tests.Work;

/// <summary>
/// Two projects upload the same path, and only one imports a pre-label for it (both through the real queue functions).
/// Each project's asset has its own id and so its own <c>labels</c> partition: a task of the other project starts
/// empty, and so does a template made from it.
/// </summary>
public sealed class SamePathPrelabelTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    private const string Path = "shared/street.png";

    [Fact]
    public async Task SamePathInTwoProjects_TaskOfTheProjectWithoutPrelabelsStartsEmpty()
    {
        var a = await app.SeedProjectAsync(("same-a", "annotator"));
        var b = await app.SeedProjectAsync(("same-b", "annotator"));
        using var ownerA = app.ClientFor("admin-" + a, admin: true);
        using var ownerB = app.ClientFor("admin-" + b, admin: true);
        var harness = new IngestionHarness(app);
        foreach (var (project, owner) in new[] { (a, ownerA), (b, ownerB) })
        {
            using var ontology = await owner.PutAsJsonAsync($"/api/projects/{project}/ontology", new { classes = new[] { new { schemaId = "car", name = "car", tool = "bbox" } } });
            Assert.True(ontology.IsSuccessStatusCode, await ontology.Content.ReadAsStringAsync());
            await harness.IngestAssetAsync(project, Path, Domain.Tests.Ingestion.Generated.Png(640, 480));
        }

        await harness.ImportAsync(a, "model", $$$"""{"uuid":"{{{Guid.NewGuid()}}}","dataRow":{"globalKey":"{{{Path}}}"},"name":"car","bbox":{"top":100,"left":130,"height":100,"width":200}}""" + "\n");
        var (assetA, assetB) = (await AssetIdAsync(ownerA, a), await AssetIdAsync(ownerB, b));
        await WorkSeed.LaunchOnAssetAsync(app.Services, ownerA, a, "main", assetA);
        await WorkSeed.LaunchOnAssetAsync(app.Services, ownerB, b, "main", assetB);

        using var memberA = app.ClientFor("same-a");
        using var memberB = app.ClientFor("same-b");
        Assert.Equal(130, Assert.Single((await OpenAsync(memberA, a))["start"]!.AsArray())!["geometry"]!["left"]!.GetValue<double>());
        var taskB = await OpenAsync(memberB, b);
        Assert.Empty(taskB["start"]!.AsArray());
        Assert.Empty(taskB["accepted"]!.AsArray());

        // A template made from B's submitted pass starts from B's pre-labels: none.
        using var submitted = await WorkSeed.SubmitAsync(memberB, b, "main", taskB["task"]!, WorkSeed.Box(10, 10));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        using var template = await ownerB.PostAsJsonAsync($"/api/projects/{b}/templates/from-task", new { name = "from b", jobId = "main", taskId = (string)taskB["task"]!["id"]! });
        var view = await template.JsonAsync();
        Assert.True(template.StatusCode == HttpStatusCode.Created, view.ToJsonString());
        Assert.Empty(view["start"]!.AsArray());

        Assert.NotEqual(assetA, assetB);
    }

    private static async Task<string> AssetIdAsync(HttpClient owner, string project) =>
        (string)(await owner.GetFromJsonAsync<JsonNode>($"/api/projects/{project}/assets"))!["items"]![0]!["id"]!;

    /// <summary>Claims the job's draw task and opens it.</summary>
    private static async Task<JsonNode> OpenAsync(HttpClient member, string project)
    {
        var task = await WorkSeed.ClaimAsync(member, project, "main", "draw");
        using var opened = await member.GetAsync($"/api/projects/{project}/jobs/main/tasks/{task["id"]}");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        return await opened.JsonAsync();
    }
}
