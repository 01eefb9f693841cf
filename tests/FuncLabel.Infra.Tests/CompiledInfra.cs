using System.Text.Json.Nodes;
using FuncLabel.Infra.Tests.Arm;
using FuncLabel.Testing;

namespace FuncLabel.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled and linted once per test run with the Bicep CLI restored from NuGet
/// (tools/bicep/bicep.sh), and the resources the compiled ARM JSON would deploy.
/// </summary>
public sealed class CompiledInfra : IAsyncLifetime
{
    /// <summary>Restoring the CLI the first time and compiling on a busy 2-core machine both take a while.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    internal ProcessResult Build { get; private set; } = null!;

    internal ProcessResult Lint { get; private set; } = null!;

    internal JsonObject Template { get; private set; } = null!;

    internal IReadOnlyList<ArmResource> Resources { get; private set; } = null!;

    internal IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => r.Type.Equals(type, StringComparison.OrdinalIgnoreCase));

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        Build = await BicepAsync(["build", RepoPaths.Of("infra", "main.bicep"), "--stdout"], timeout.Token);
        Lint = await BicepAsync(["lint", RepoPaths.Of("infra", "main.bicep")], timeout.Token);
        Template = JsonNode.Parse(Build.StandardOutput)?.AsObject() ?? throw new InvalidOperationException($"bicep build wrote no template: {Build}");
        Resources = ArmDeployment.Resources(Template);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Task<ProcessResult> BicepAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        ProcessRun.RunAsync(RepoPaths.Of("tools", "bicep", "bicep.sh"), arguments, RepoPaths.Root, cancellationToken);
}

[CollectionDefinition(Name)]
public sealed class CompiledInfraCollection : ICollectionFixture<CompiledInfra>
{
    public const string Name = "compiled infra";
}
