using FuncLabel.Functions.Hosting;
using FuncLabel.Functions.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FuncLabel.Functions.Tests.Meta;

/// <summary>
/// Every request body and response type an HTTP function declares has a compile-time contract in
/// <see cref="ApiJsonContext"/>: a type left out still works (the reflection resolver follows in the chain) but brings
/// back the start-up cost the context removes, silently, so the omission is caught here instead.
/// </summary>
public sealed class ApiJsonContextTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    [Fact]
    public void EveryDeclaredBodyAndResponseType_HasAGeneratedContract()
    {
        var declared = HttpFunctionCatalog.Instance.Functions
            .SelectMany(f => f.Responses.Select(r => r.Type).Append(f.RequestBody))
            .OfType<Type>()
            .Where(IsOurs)
            .Distinct()
            .ToList();

        var missing = declared.Where(t => ApiJsonContext.Default.GetTypeInfo(t) is null).Select(t => t.FullName).ToList();

        Assert.True(declared.Count > 40, $"only {declared.Count} declared types found: are the functions' results read?");
        Assert.True(missing.Count == 0, "no generated contract for: " + string.Join(", ", missing));
    }

    [Fact]
    public void HttpJsonOptions_ResolveTheApiTypesFromTheContextFirst()
    {
        var options = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        Assert.Same(ApiJsonContext.Default, options.TypeInfoResolverChain[0]);
    }

    /// <summary>Framework types (ProblemDetails, string) have contracts of their own.</summary>
    private static bool IsOurs(Type type) =>
        type.Assembly.GetName().Name!.StartsWith("FuncLabel.", StringComparison.Ordinal);
}
