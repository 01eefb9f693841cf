using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using FuncLabel.Domain.Serialization;
using FuncLabel.Functions.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;

namespace FuncLabel.Functions.Http.OpenApi;

/// <summary>
/// <c>/api/openapi.json</c> (OpenAPI 3.1), generated from the HTTP functions (<see cref="HttpFunctionCatalog"/>): one
/// operation per function, with its route and query parameters, its access rule (bearer security, and the project
/// role in the description), its JSON request body (the <c>[FromBody]</c> parameter, or <see cref="RawBodyAttribute"/>)
/// and its responses. Responses come from the function's typed result (<c>Results&lt;Ok&lt;T&gt;, …&gt;</c> describe
/// themselves, as they do for minimal APIs) and from <see cref="ProducesResponseTypeAttribute"/>s; schemas come from
/// the API's JSON options, so names and enum strings are those on the wire. <see cref="JsonElement"/> properties with a
/// <see cref="ShapeAttribute"/> show their shape. Built once, on first request.
/// </summary>
internal static class OpenApiDocument
{
    public static Lazy<string> Json { get; } = new(() => Build(HttpFunctionCatalog.Instance).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    public static JsonObject Build(HttpFunctionCatalog catalog)
    {
        var schemas = new SchemaSet(FuncLabelJson.Options);
        var paths = new JsonObject();
        foreach (var function in catalog.Functions.Where(f => f.IsOperation))
        {
            var path = "/api/" + function.Route.Replace("{*", "{", StringComparison.Ordinal);
            if (paths[path] is not JsonObject item)
            {
                item = [];
                paths[path] = item;
            }

            foreach (var method in function.Methods)
            {
                item[method.ToLowerInvariant()] = Operation(function, schemas);
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "FuncLabel API",
                ["version"] = "1",
                ["description"] = "Human data labeling: projects, ingestion, jobs and tasks, review and consensus, training, credentials, reports.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.Components,
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                },
            },
        };
    }

    private static JsonObject Operation(HttpFunction function, SchemaSet schemas)
    {
        var operation = new JsonObject
        {
            ["operationId"] = function.Name,
            ["summary"] = function.Operation?.Summary ?? function.Name,
            ["description"] = AccessText(function.Access),
        };
        if (function.Operation is { } described)
        {
            operation["tags"] = new JsonArray(described.Tag);
        }

        if (function.Access is not AnonymousRule)
        {
            operation["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() });
        }

        var parameters = new JsonArray();
        foreach (var name in RoutePatternFactory.Parse(function.Route).Parameters.Select(p => p.Name))
        {
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        foreach (var query in function.Query)
        {
            parameters.Add(new JsonObject { ["name"] = query.Name, ["in"] = "query", ["required"] = false, ["description"] = query.Description, ["schema"] = schemas.Inline(query.Type) });
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (function.RequestBody is { } body)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schemas.Reference(body) } },
            };
        }
        else if (function.Method.GetCustomAttribute<RawBodyAttribute>() is { } raw)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["description"] = raw.Description,
                ["content"] = new JsonObject { [raw.ContentType] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } } },
            };
        }

        operation["responses"] = Responses(function, schemas);
        return operation;
    }

    private static JsonObject Responses(HttpFunction function, SchemaSet schemas)
    {
        var responses = new SortedDictionary<int, JsonObject>();
        foreach (var produced in function.Responses)
        {
            var status = produced.StatusCode;
            var response = new JsonObject { ["description"] = Describe(status) };
            if (produced.Type is { } type && type != typeof(void))
            {
                var contentType = produced.ContentTypes.FirstOrDefault() ?? "application/json";
                response["content"] = new JsonObject { [contentType] = new JsonObject { ["schema"] = schemas.Reference(type) } };
            }

            responses[status] = response;
        }

        // What the middleware answers before the function runs, and what any function may answer.
        AddProblem(responses, schemas, StatusCodes.Status500InternalServerError);
        AddProblem(responses, schemas, StatusCodes.Status503ServiceUnavailable);
        if (function.Access is not AnonymousRule)
        {
            AddProblem(responses, schemas, StatusCodes.Status401Unauthorized);
        }

        if (function.Access is PlatformAdminRule or ProjectMemberRule)
        {
            AddProblem(responses, schemas, StatusCodes.Status403Forbidden);
        }

        if (function.Access is ProjectMemberRule or ResourceOwnerRule)
        {
            AddProblem(responses, schemas, StatusCodes.Status404NotFound);
        }

        if (function.Methods.Any(m => m is "POST" or "PUT" or "PATCH"))
        {
            AddProblem(responses, schemas, StatusCodes.Status400BadRequest);
            AddProblem(responses, schemas, StatusCodes.Status413PayloadTooLarge);
        }

        var result = new JsonObject();
        foreach (var (status, response) in responses)
        {
            result[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response;
        }

        return result;
    }

    private static void AddProblem(SortedDictionary<int, JsonObject> responses, SchemaSet schemas, int status)
    {
        if (!responses.ContainsKey(status))
        {
            responses[status] = new JsonObject
            {
                ["description"] = Describe(status),
                ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = schemas.Reference(typeof(ProblemDetails)) } },
            };
        }
    }

    private static string AccessText(AccessRule rule) => rule switch
    {
        AnonymousRule => "Anyone may call this, without a token.",
        AuthenticatedRule => "Any authenticated caller.",
        PlatformAdminRule => "Platform admins only.",
        ResourceOwnerRule => "The resource's owner (others get 404); platform admins where stated.",
        ProjectMemberRule member => $"Members of the project with at least the {member.MinimumRole.ToString().ToLowerInvariant()} role (non-members get 404); platform admins.",
        _ => "",
    };

    private static string Describe(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No content",
        206 => "Partial content",
        304 => "Not modified",
        400 => "The request is not valid: problem details name each field and reason",
        401 => "No valid bearer token: the problem says why",
        403 => "The caller may not do this",
        404 => "Not found (or not the caller's)",
        409 => "Conflict: the problem's code says which",
        412 => "If-Match does not match the resource's current ETag",
        413 => "The body is larger than the limit",
        415 => "The body is not JSON",
        416 => "The range cannot be satisfied",
        500 => "Unexpected error",
        503 => "A store is unavailable or throttling: retry",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
    };

    /// <summary>Component schemas, one per request/response type, exported with the API's JSON options.</summary>
    private sealed class SchemaSet
    {
        private readonly JsonSerializerOptions options;
        private readonly JsonSchemaExporterOptions _exporter;

        public SchemaSet(JsonSerializerOptions options)
        {
            this.options = options;
            _exporter = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = Transform };
        }

        public JsonObject Components { get; } = [];

        public JsonNode Reference(Type type)
        {
            var name = Name(type);
            if (!Components.ContainsKey(name))
            {
                Components[name] = null; // reserve the name first: a type may refer to itself
                Components[name] = Inline(type);
            }

            return new JsonObject { ["$ref"] = $"#/components/schemas/{name}" };
        }

        public JsonNode Inline(Type type) => options.GetJsonSchemaAsNode(type, _exporter);

        private static string Name(Type type) => type.IsGenericType
            ? string.Concat(type.GetGenericArguments().Select(Name)) + type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]
            : type.Name;

        private JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
        {
            var attributes = context.PropertyInfo?.AttributeProvider;
            if (attributes?.GetCustomAttributes(typeof(ShapeAttribute), inherit: false).FirstOrDefault() is ShapeAttribute shape)
            {
                var item = options.GetJsonSchemaAsNode(shape.Shape, _exporter);
                return shape.Array ? new JsonObject { ["type"] = "array", ["items"] = item } : item;
            }

            if (context.TypeInfo.Type == typeof(AnswerShape) && context.PropertyInfo is not null)
            {
                return new JsonObject
                {
                    ["description"] = "Free text, one option, or a list of options (checklist).",
                    ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, schema, new JsonObject { ["type"] = "array", ["items"] = schema.DeepClone() }),
                };
            }

            return schema;
        }
    }
}

/// <summary>A request body the function reads itself, not as JSON (e.g. NDJSON), for <c>/api/openapi.json</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class RawBodyAttribute(string contentType, string description) : Attribute
{
    public string ContentType { get; } = contentType;

    public string Description { get; } = description;
}
