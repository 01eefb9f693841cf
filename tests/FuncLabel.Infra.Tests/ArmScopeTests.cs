using System.Text.Json.Nodes;
using FuncLabel.Infra.Tests.Arm;

namespace FuncLabel.Infra.Tests;

/// <summary>The ARM expression evaluator the name-consistency tests rely on, on hand-written templates.</summary>
public sealed class ArmScopeTests
{
    [Fact]
    public void Evaluate_FormatWithParametersVariablesAndIndexing()
    {
        var scope = Scope("""{ "parameters": { "p": { "type": "string", "defaultValue": "acct" } }, "variables": { "v": { "q": ["a-b", "c"] } } }""");

        Assert.Equal("acct/default/c", Text(scope, "[format('{0}/default/{1}', parameters('p'), variables('v').q[1])]"));
    }

    [Fact]
    public void Evaluate_UnknownFunctionKeepsTheKnownParts()
    {
        var scope = Scope("{}");

        Assert.Equal($"{ArmScope.Unknown}/x", Text(scope, "[format('{0}/{1}', uniqueString(resourceGroup().id), 'x')]"));
    }

    [Fact]
    public void Evaluate_EscapedBracketIsALiteral()
    {
        Assert.Equal("[not an expression]", Text(Scope("{}"), "[[not an expression]"));
    }

    [Fact]
    public void Evaluate_StringWithQuotedQuote()
    {
        Assert.Equal("it's", Text(Scope("{}"), "[concat('it''s')]"));
    }

    [Fact]
    public void Resources_UnrollCopyLoopsAndEnterNestedDeployments()
    {
        var template = JsonNode.Parse("""
            {
              "variables": { "names": ["q1", "q2"] },
              "resources": {
                "existing": { "existing": true, "type": "T/x", "name": "skipped" },
                "module": {
                  "type": "Microsoft.Resources/deployments",
                  "name": "m",
                  "properties": {
                    "parameters": { "queues": { "value": "[variables('names')]" } },
                    "template": {
                      "parameters": { "queues": { "type": "array" } },
                      "resources": [
                        { "copy": { "name": "l", "count": "[length(parameters('queues'))]" },
                          "type": "T/queues", "name": "[format('acct/{0}', parameters('queues')[copyIndex()])]" },
                        { "condition": "[equals(1, 2)]", "type": "T/never", "name": "n" }
                      ]
                    }
                  }
                }
              }
            }
            """)!.AsObject();

        var resources = ArmDeployment.Resources(template);

        Assert.Equal(["acct/q1", "acct/q2"], resources.Select(r => r.Name));
        Assert.All(resources, r => Assert.Equal("T/queues", r.Type));
    }

    [Fact]
    public void Evaluate_VariableCopyLoop()
    {
        var scope = Scope("""
            { "parameters": { "o": { "type": "array", "defaultValue": ["x", "y"] } },
              "variables": { "copy": [ { "name": "s", "count": "[length(parameters('o'))]",
                "input": "[createObject('name', format('C__{0}', copyIndex('s')), 'value', parameters('o')[copyIndex('s')])]" } ] } }
            """);

        var settings = scope.Evaluate(ArmExpression.Parse("[variables('s')]"));

        Assert.Equal("""[{"name":"C__0","value":"x"},{"name":"C__1","value":"y"}]""", settings!.ToJsonString());
    }

    private static ArmScope Scope(string template) => new(JsonNode.Parse(template)!.AsObject(), new Dictionary<string, JsonNode?>());

    private static string Text(ArmScope scope, string expression) => ArmScope.Text(scope.Evaluate(JsonValue.Create(expression)));
}
