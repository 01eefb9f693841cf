using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace FuncLabel.Functions.Tests.Training;

/// <summary>Builds training fixtures through the API: an ontology, templates, exams, credential types, attempts.</summary>
public static class TrainingSeed
{
    /// <summary>Cars (boxes with a free-text note), the weather (radio) and a free-text comment on the whole image.</summary>
    public const string Ontology = """
        { "classes": [
            { "name": "car", "tool": "bbox", "classifications": [ { "name": "note", "tool": "text" } ] },
            { "name": "weather", "tool": "radio", "options": [ { "name": "sunny" }, { "name": "rainy" } ] },
            { "name": "comment", "tool": "text" } ] }
        """;

    public static string Box(int n, int left, int top = 10, int size = 100, string? note = null) =>
        $$"""{ "uuid": "9d3c0e5e-0000-4000-8000-{{n:D12}}", "name": "car", "bbox": { "top": {{top}}, "left": {{left}}, "height": {{size}}, "width": {{size}} }{{(note is null ? "" : $$""", "classifications": [ { "name": "note", "answer": "{{note}}" } ]""")}} }""";

    public static string Comment(int n, string text) => $$"""{ "uuid": "9d3c0e5e-0000-4000-8000-{{n:D12}}", "name": "comment", "answer": "{{text}}" }""";

    public static async Task PutOntologyAsync(HttpClient owner, string project)
    {
        using var response = await owner.PutAsync($"/api/projects/{project}/ontology", Json(Ontology));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A directly created template on a 1000×1000 image asset named after the template.</summary>
    public static async Task CreateTemplateAsync(HttpClient owner, string project, string id, string start, string gold, double passOverlap = 0.8)
    {
        using var response = await owner.PostAsync($"/api/projects/{project}/templates", Json($$"""
            { "id": "{{id}}", "name": "Template {{id}}", "guide": "Box every car.", "passOverlap": {{passOverlap}},
              "assetId": "asset-{{id}}", "extent": { "width": 1000, "height": 1000 }, "start": [ {{start}} ], "gold": [ {{gold}} ] }
            """));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task CreateCredentialTypeAsync(HttpClient admin, string id, int? validityDays)
    {
        using var response = await admin.PostAsJsonAsync("/api/credential-types", new { id, name = "Type " + id, validityDays });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task CreateExamAsync(HttpClient owner, string project, string id, string[] templates, double passMark, int allowedAttempts, string[] awards)
    {
        using var response = await owner.PostAsJsonAsync($"/api/projects/{project}/exams", new
        {
            id, name = "Exam " + id, templateIds = templates, passMark, allowedAttempts, awardsCredentialTypeIds = awards,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Starts (or resumes) the caller's attempt; returns its id.</summary>
    public static async Task<string> StartAttemptAsync(HttpClient trainee, string project, string exam)
    {
        using var response = await trainee.PostAsync($"/api/projects/{project}/exams/{exam}/attempts", Json("{}"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["id"]!.GetValue<string>();
    }

    public static async Task AnswerAsync(HttpClient trainee, string attemptId, string itemId, string answer)
    {
        using var response = await trainee.PostAsync($"/api/attempts/{attemptId}/items/{itemId}/score", Json($$"""{ "answer": [ {{answer}} ] }"""));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>The ledger coverage test's template: ontology, then template <c>ledger-t</c> in the case's project.</summary>
    public static async Task<string> LedgerTemplateAsync(HttpClient admin, string project)
    {
        await PutOntologyAsync(admin, project);
        await CreateTemplateAsync(admin, project, "ledger-t", "", Box(1, 10));
        return "ledger-t";
    }

    /// <summary>The ledger coverage test's exam <c>ledger-e</c> over <see cref="LedgerTemplateAsync"/>.</summary>
    public static async Task<string> LedgerExamAsync(HttpClient admin, string project)
    {
        await CreateExamAsync(admin, project, "ledger-e", [await LedgerTemplateAsync(admin, project)], 50, 1, []);
        return "ledger-e";
    }
}
