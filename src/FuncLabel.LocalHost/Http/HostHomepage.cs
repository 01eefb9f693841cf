using FuncLabel.LocalHost.App;

namespace FuncLabel.LocalHost.Http;

/// <summary>
/// <c>GET /</c>: the Functions host answers its root with a page saying the app is running (load balancers and
/// platform probes use it), unless <c>AzureWebJobsDisableHomepage</c> is true; then 204. A function routed at the
/// root (route prefix empty) would take precedence over it, as in the real host.
/// </summary>
internal static class HostHomepage
{
    public static void MapHostHomepage(this WebApplication app, AppSettings settings)
    {
        var disabled = string.Equals(settings.Get("AzureWebJobsDisableHomepage"), "true", StringComparison.OrdinalIgnoreCase);
        app.MapGet("/", () => disabled
                ? Results.NoContent()
                : Results.Content("<!DOCTYPE html><html><head><title>Functions host</title></head><body><p>This Functions app is up and running (local host).</p></body></html>", "text/html"))
            .WithOrder(int.MaxValue);
    }
}
