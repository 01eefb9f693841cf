using System.Text.Json.Nodes;

namespace FuncLabel.Infra.Tests.Arm;

/// <summary>
/// Expands a compiled template into the resources it deploys: copy loops unrolled, conditions applied, nested
/// deployments (Bicep modules) entered with their parameter values, <c>existing</c> references skipped.
/// Reads both resource layouts Bicep emits: an array (language version 1) and an object keyed by symbolic name (2.0).
/// </summary>
internal static class ArmDeployment
{
    private const string DeploymentType = "Microsoft.Resources/deployments";

    public static IReadOnlyList<ArmResource> Resources(JsonObject template, IReadOnlyDictionary<string, JsonNode?>? parameterValues = null)
    {
        var resources = new List<ArmResource>();
        Expand(template, new ArmScope(template, parameterValues ?? new Dictionary<string, JsonNode?>()), resources);
        return resources;
    }

    private static void Expand(JsonObject template, ArmScope scope, List<ArmResource> into)
    {
        var declared = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject obj => obj.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };

        foreach (var resource in declared.Where(r => r["existing"]?.GetValue<bool>() != true))
        {
            if (resource["copy"] is JsonObject copy)
            {
                var count = scope.Evaluate(copy["count"])!.GetValue<long>();
                for (var i = 0; i < count; i++)
                {
                    ExpandOne(resource, scope.InCopy(i), into);
                }
            }
            else
            {
                ExpandOne(resource, scope, into);
            }
        }
    }

    private static void ExpandOne(JsonObject resource, ArmScope scope, List<ArmResource> into)
    {
        if (resource["condition"] is { } condition && ArmScope.Text(scope.Evaluate(condition)) != "true")
        {
            return;
        }

        var type = (string)resource["type"]!;
        if (type.Equals(DeploymentType, StringComparison.OrdinalIgnoreCase) && resource["properties"]?["template"] is JsonObject nested)
        {
            var values = (resource["properties"]?["parameters"] as JsonObject ?? [])
                .ToDictionary(p => p.Key, p => scope.Evaluate(p.Value?["value"]), StringComparer.OrdinalIgnoreCase);
            Expand(nested, new ArmScope(nested, values), into);
            return;
        }

        var body = (JsonObject)scope.Evaluate(resource)!;
        into.Add(new ArmResource(type, ArmScope.Text(body["name"]), body));
    }
}
