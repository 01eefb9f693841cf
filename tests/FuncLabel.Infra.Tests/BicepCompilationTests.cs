namespace FuncLabel.Infra.Tests;

/// <summary>
/// infra/main.bicep compiles and lints without a single diagnostic. <c>bicep lint</c> exits 0 on warnings, so the tests
/// fail on any diagnostic line rather than trusting the exit code; infra/bicepconfig.json also raises the linter rules
/// to errors for editors.
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class BicepCompilationTests(CompiledInfra infra)
{
    [Fact]
    public void Build_SucceedsWithoutDiagnostics()
    {
        Assert.True(infra.Build.ExitCode == 0, infra.Build.ToString());
        Assert.True(string.IsNullOrWhiteSpace(infra.Build.StandardError), infra.Build.ToString());
    }

    [Fact]
    public void Lint_ReportsNothing()
    {
        Assert.True(infra.Lint.ExitCode == 0, infra.Lint.ToString());
        Assert.True(
            string.IsNullOrWhiteSpace(infra.Lint.StandardOutput) && string.IsNullOrWhiteSpace(infra.Lint.StandardError),
            infra.Lint.ToString());
    }
}
