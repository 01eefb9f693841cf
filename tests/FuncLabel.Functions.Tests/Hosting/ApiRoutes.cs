using FuncLabel.Functions.Http;

namespace FuncLabel.Functions.Tests.Hosting;

/// <summary>
/// Every operation of the API as the app declares it (its HTTP functions, read from the same methods the Worker SDK
/// generates the function metadata from), so tests that walk the API cover new functions without being edited.
/// Preflight (<c>OPTIONS</c> on any path) is left out: it answers every caller alike.
/// </summary>
internal static class ApiRoutes
{
    public sealed record Route(string Method, string Pattern, HttpFunction Function)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    public static IReadOnlyList<Route> All { get; } = HttpFunctionCatalog.Instance.Functions
        .SelectMany(f => f.Methods.Where(m => m != "OPTIONS").Select(m => new Route(m, "/api/" + f.Route, f)))
        .ToList();
}
