using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FuncLabel.Functions.Tests;

/// <summary>Small steps tests repeat: create a project with members through the API, read JSON answers.</summary>
public static class ApiClientExtensions
{
    /// <summary>Creates a project as an admin and gives each (user, role) membership; returns its id.</summary>
    public static async Task<string> SeedProjectAsync(this FuncLabelApp app, params (string User, string Role)[] members)
    {
        var id = "p-" + Guid.NewGuid().ToString("N")[..12];
        using var admin = app.ClientFor("admin-" + id, admin: true);
        using var created = await admin.PostAsJsonAsync("/api/projects", new { id, name = "Project " + id });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        foreach (var (user, role) in members)
        {
            using var put = await admin.PutAsJsonAsync($"/api/projects/{id}/members/{user}", new { role });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        return id;
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty body.");
}
