using System.Text.Json.Nodes;
using FuncLabel.Infra.Tests.Arm;
using FuncLabel.Testing;

namespace FuncLabel.Infra.Tests;

/// <summary>
/// The two templates scripts/deploy.sh deploys, each compiled and linted once per test run with the Bicep CLI restored
/// from NuGet (tools/bicep/bicep.sh): <see cref="Main"/> (infra/main.bicep, the first deployment) and
/// <see cref="BlobSubscriptions"/> (infra/blob-subscriptions.bicep, the deployment made after the code package).
/// </summary>
public sealed class CompiledInfra : IAsyncLifetime
{
    /// <summary>Restoring the CLI the first time and compiling on a busy 2-core machine both take a while.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    internal CompiledTemplate Main { get; private set; } = null!;

    internal CompiledTemplate BlobSubscriptions { get; private set; } = null!;

    internal IEnumerable<CompiledTemplate> All => [Main, BlobSubscriptions];

    /// <summary>Resources of the first deployment (infra/main.bicep).</summary>
    internal IEnumerable<ArmResource> OfType(string type) => Main.OfType(type);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        Main = await CompiledTemplate.CompileAsync("main.bicep", timeout.Token);
        BlobSubscriptions = await CompiledTemplate.CompileAsync("blob-subscriptions.bicep", timeout.Token);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>One Bicep file of infra/, its build and lint results, and the resources its ARM JSON would deploy.</summary>
internal sealed class CompiledTemplate
{
    private CompiledTemplate(string file, ProcessResult build, ProcessResult lint, JsonObject? template)
    {
        File = file;
        Build = build;
        Lint = lint;
        Template = template ?? [];
        Resources = template is null ? [] : ArmDeployment.Resources(template);
    }

    /// <summary>The file name under infra/.</summary>
    public string File { get; }

    public ProcessResult Build { get; }

    public ProcessResult Lint { get; }

    public JsonObject Template { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => r.Type.Equals(type, StringComparison.OrdinalIgnoreCase));

    public static async Task<CompiledTemplate> CompileAsync(string file, CancellationToken cancellationToken)
    {
        var path = RepoPaths.Of("infra", file);
        var build = await BicepAsync(["build", path, "--stdout"], cancellationToken);
        var lint = await BicepAsync(["lint", path], cancellationToken);
        return new CompiledTemplate(file, build, lint, build.ExitCode == 0 ? JsonNode.Parse(build.StandardOutput)?.AsObject() : null);
    }

    public override string ToString() => File;

    private static Task<ProcessResult> BicepAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        ProcessRun.RunAsync(RepoPaths.Of("tools", "bicep", "bicep.sh"), arguments, RepoPaths.Root, cancellationToken);
}

[CollectionDefinition(Name)]
public sealed class CompiledInfraCollection : ICollectionFixture<CompiledInfra>
{
    public const string Name = "compiled infra";
}
