namespace FuncLabel.Infra.Tests;

/// <summary>
/// infra/main.bicep and infra/blob-subscriptions.bicep compile and lint without a single diagnostic. <c>bicep lint</c>
/// exits 0 on warnings, so the tests fail on any diagnostic line rather than trusting the exit code;
/// infra/bicepconfig.json also raises the linter rules to errors for editors.
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class BicepCompilationTests(CompiledInfra infra)
{
    [Fact]
    public void Build_SucceedsWithoutDiagnostics()
    {
        Assert.All(infra.All, t =>
        {
            Assert.True(t.Build.ExitCode == 0, $"{t}: {t.Build}");
            Assert.True(string.IsNullOrWhiteSpace(t.Build.StandardError), $"{t}: {t.Build}");
        });
    }

    [Fact]
    public void Lint_ReportsNothing()
    {
        Assert.All(infra.All, t =>
        {
            Assert.True(t.Lint.ExitCode == 0, $"{t}: {t.Lint}");
            Assert.True(
                string.IsNullOrWhiteSpace(t.Lint.StandardOutput) && string.IsNullOrWhiteSpace(t.Lint.StandardError),
                $"{t}: {t.Lint}");
        });
    }
}
