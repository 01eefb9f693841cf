using System.Collections;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using FuncLabel.Functions.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FuncLabel.Functions.Tests.Meta;

/// <summary>
/// A property a request body leaves out keeps the value its type gives it, as when the type is created in code. The
/// compile-time contracts (ApiJsonContext) set init-only properties in the object initializer they generate, so an
/// omitted one used to become 0 instead of its initializer: <c>"options": { "matchThreshold": 0.5 }</c> on
/// <c>POST /api/score</c> was refused for four options the caller never sent. Checked for every type a declared
/// request body can contain, read with the app's own JSON options.
/// </summary>
public sealed class RequestBodyDefaultsTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    [Fact]
    public void EveryTypeInARequestBody_ReadFromAnEmptyObject_KeepsItsInitialValues()
    {
        var json = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var bodies = HttpFunctionCatalog.Instance.Functions
            .Select(f => f.RequestBody)
            .OfType<Type>()
            .Where(IsOurs)
            .Distinct()
            .ToList();
        var reachable = Reachable(bodies);

        var differences = new List<string>();
        foreach (var type in reachable.Where(t => t.GetConstructor(Type.EmptyTypes) is not null))
        {
            var created = Activator.CreateInstance(type)!;
            var read = JsonSerializer.Deserialize("{}", type, json)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                var expected = JsonSerializer.Serialize(property.GetValue(created), property.PropertyType, json);
                var actual = JsonSerializer.Serialize(property.GetValue(read), property.PropertyType, json);
                if (expected != actual)
                {
                    differences.Add($"{type.Name}.{property.Name}: {actual} instead of {expected}");
                }
            }
        }

        Assert.True(bodies.Count > 15, $"only {bodies.Count} request body types found: are the functions' [FromBody] parameters read?");
        Assert.True(differences.Count == 0, "omitted properties lose their initial values:\n" + string.Join('\n', differences));
    }

    /// <summary>The request body types and every type of ours their properties can hold, through nullables and collections.</summary>
    private static HashSet<Type> Reachable(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                foreach (var held in Held(property.PropertyType).Where(IsOurs))
                {
                    pending.Push(held);
                }
            }
        }

        return seen;
    }

    private static IEnumerable<Type> Held(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Held(underlying);
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return type.IsArray
                ? Held(type.GetElementType()!)
                : type.GetInterfaces().Append(type)
                    .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                    .SelectMany(i => Held(i.GetGenericArguments()[0]));
        }

        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Held).Append(type) : [type];
    }

    private static bool IsOurs(Type type) =>
        type.Assembly.GetName().Name!.StartsWith("FuncLabel.", StringComparison.Ordinal) && !type.IsEnum;
}
