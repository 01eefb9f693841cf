using FuncLabel.Functions.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FuncLabel.Functions.Tests.Meta;

/// <summary>
/// Every request body and response type an endpoint declares has a compile-time contract in <see cref="ApiJsonContext"/>:
/// a type left out still works (the reflection resolver follows in the chain) but brings back the start-up cost the
/// context removes, silently, so the omission is caught here instead.
/// </summary>
public sealed class ApiJsonContextTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    [Fact]
    public void EveryDeclaredBodyAndResponseType_HasAGeneratedContract()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var declared = endpoints
            .SelectMany(e => e.Metadata.OfType<IAcceptsMetadata>().Select(a => a.RequestType)
                .Concat(e.Metadata.OfType<IProducesResponseTypeMetadata>().Select(p => p.Type)))
            .OfType<Type>()
            .Where(IsOurs)
            .Distinct()
            .ToList();

        var missing = declared.Where(t => ApiJsonContext.Default.GetTypeInfo(t) is null).Select(t => t.FullName).ToList();

        Assert.True(declared.Count > 40, $"only {declared.Count} declared types found: is the endpoint metadata read?");
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
