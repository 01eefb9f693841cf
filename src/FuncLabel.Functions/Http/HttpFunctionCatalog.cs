using System.Reflection;
using FuncLabel.Functions.Security;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.Functions.Http;

/// <summary>One HTTP function of the app, as its method and attributes declare it.</summary>
/// <param name="Route">The route under the <c>api</c> prefix, e.g. <c>projects/{projectId}</c>.</param>
/// <param name="Methods">Upper-case HTTP methods.</param>
internal sealed record HttpFunction(
    string Name,
    string EntryPoint,
    string Route,
    IReadOnlyList<string> Methods,
    AccessRule Access,
    bool ChangesNoState,
    OperationAttribute? Operation,
    IReadOnlyList<QueryAttribute> Query,
    MethodInfo Method)
{
    /// <summary>
    /// False for the fallback function (<see cref="NotAnOperationAttribute"/>): it routes preflight and unknown paths
    /// to the app, and is not part of the API's description.
    /// </summary>
    public bool IsOperation => Method.GetCustomAttribute<NotAnOperationAttribute>() is null;

    /// <summary>The JSON body the function binds (its <c>[FromBody]</c> parameter), if any.</summary>
    public Type? RequestBody => Method.GetParameters()
        .FirstOrDefault(p => p.GetCustomAttribute<Microsoft.Azure.Functions.Worker.Http.FromBodyAttribute>() is not null)?.ParameterType;

    /// <summary>
    /// The responses the function declares: its typed result describes itself (<c>Results&lt;Ok&lt;T&gt;, …&gt;</c>,
    /// through <see cref="Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider"/>, as for minimal APIs), plus its
    /// <see cref="Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute"/>s. One per status code.
    /// </summary>
    public IReadOnlyList<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata> Responses
    {
        get
        {
            var builder = new Microsoft.AspNetCore.Routing.RouteEndpointBuilder(null, Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/"), 0);
            var result = Method.ReturnType is { IsGenericType: true } generic && (generic.GetGenericTypeDefinition() == typeof(Task<>) || generic.GetGenericTypeDefinition() == typeof(ValueTask<>))
                ? generic.GetGenericArguments()[0]
                : Method.ReturnType;
            if (typeof(Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider).IsAssignableFrom(result))
            {
                result.GetInterfaceMap(typeof(Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider)).TargetMethods[0].Invoke(null, [Method, builder]);
            }

            foreach (var attribute in Method.GetCustomAttributes<Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute>())
            {
                builder.Metadata.Add(attribute);
            }

            return builder.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>()
                .GroupBy(m => m.StatusCode).Select(g => g.First()).ToList();
        }
    }
}

/// <summary>Marks the fallback HTTP function, which routes requests to the app but is not an API operation.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class NotAnOperationAttribute : Attribute;

/// <summary>
/// Every HTTP function of the app, read once from the <c>[Function]</c> methods of this assembly (the same methods the
/// Worker SDK generates the function metadata from). The worker middleware finds a function's access rule here by
/// the invocation's entry point; the OpenAPI document and the tests enumerate the API from it.
/// </summary>
/// <remarks>
/// Building it throws when an HTTP function has no <see cref="AccessAttribute"/>: the app then refuses to start
/// (<see cref="HttpFunctionCatalogCheck"/>), so no function is reachable without a rule.
/// </remarks>
internal sealed class HttpFunctionCatalog
{
    private readonly Dictionary<string, HttpFunction> _byEntryPoint;

    private HttpFunctionCatalog(IReadOnlyList<HttpFunction> functions)
    {
        Functions = functions;
        _byEntryPoint = functions.ToDictionary(f => f.EntryPoint, StringComparer.Ordinal);
    }

    public static HttpFunctionCatalog Instance { get; } = Build(typeof(HttpFunctionCatalog).Assembly);

    public IReadOnlyList<HttpFunction> Functions { get; }

    /// <summary>The function whose entry point (<c>Namespace.Class.Method</c>) the invocation names, if it is HTTP.</summary>
    public HttpFunction? ForEntryPoint(string entryPoint) => _byEntryPoint.GetValueOrDefault(entryPoint);

    public static HttpFunctionCatalog Build(Assembly assembly)
    {
        var functions = new List<HttpFunction>();
        var missing = new List<string>();
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function
                    || method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null) is not { } trigger)
                {
                    continue;
                }

                if (method.GetCustomAttribute<AccessAttribute>() is not { } access)
                {
                    missing.Add(function.Name);
                    continue;
                }

                functions.Add(new HttpFunction(
                    function.Name,
                    $"{type.FullName}.{method.Name}",
                    trigger.Route ?? function.Name,
                    (trigger.Methods ?? []).Select(m => m.ToUpperInvariant()).ToList(),
                    access.Rule,
                    method.GetCustomAttribute<ChangesNoStateAttribute>() is not null,
                    method.GetCustomAttribute<OperationAttribute>(),
                    method.GetCustomAttributes<QueryAttribute>().ToList(),
                    method));
            }
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"HTTP function(s) without an access rule ([Access(...)]): {string.Join(", ", missing.Order(StringComparer.Ordinal))}. "
                + "Nobody may call a function that declares no rule; add one.");
        }

        return new HttpFunctionCatalog(functions.OrderBy(f => f.Route, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal).ToList());
    }
}

/// <summary>Builds the catalog when the app starts, so a function without an access rule stops the start, not a request.</summary>
internal sealed class HttpFunctionCatalogCheck : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = HttpFunctionCatalog.Instance;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
