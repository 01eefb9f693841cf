using System.Net;

namespace FuncLabel.Functions.Tests.Meta;

/// <summary>The app answers CORS preflight itself for configured origins only, and exposes ETag to browsers.</summary>
public sealed class CorsTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    [Fact]
    public async Task Preflight_FromAllowedOrigin_IsAnsweredWithoutAuthentication()
    {
        using var response = await PreflightAsync(FuncLabelApp.AllowedOrigin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(FuncLabelApp.AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("PATCH", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }

    [Fact]
    public async Task Preflight_FromOtherOrigin_GetsNoAllowOrigin()
    {
        using var response = await PreflightAsync("https://evil.example");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Request_FromAllowedOrigin_ExposesETag()
    {
        var project = await app.SeedProjectAsync(("cors-owner", "owner"));
        using var client = app.ClientFor("cors-owner");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{project}");
        request.Headers.Add("Origin", FuncLabelApp.AllowedOrigin);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FuncLabelApp.AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single());
        Assert.NotNull(response.Headers.ETag);
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var client = app.ClientFor(null);
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/projects/some-project");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "PATCH");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,if-match");
        return await client.SendAsync(request);
    }
}
