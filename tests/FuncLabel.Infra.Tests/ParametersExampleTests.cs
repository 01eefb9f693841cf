using System.Text.Json.Nodes;
using FuncLabel.Testing;

namespace FuncLabel.Infra.Tests;

/// <summary>infra/main.parameters.example.json, the file docs/deploy.md tells operators to copy, fits main.bicep.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class ParametersExampleTests(CompiledInfra infra)
{
    [Fact]
    public void Example_NamesOnlyDeclaredParametersAndEveryRequiredOne()
    {
        var declared = infra.Main.Template["parameters"]!.AsObject();
        var example = JsonNode.Parse(File.ReadAllText(RepoPaths.Of("infra", "main.parameters.example.json")))!["parameters"]!.AsObject();

        Assert.All(example, p => Assert.True(declared.ContainsKey(p.Key), $"{p.Key} is not a parameter of main.bicep"));
        Assert.All(
            declared.Where(p => p.Value!["defaultValue"] is null),
            p => Assert.True(example.ContainsKey(p.Key), $"the required parameter {p.Key} is missing from the example"));
    }
}
