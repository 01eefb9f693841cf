using FuncLabel.Testing;

namespace FuncLabel.Infra.Tests;

/// <summary>
/// The deployment package, built once per test run by scripts/publish.sh into a temporary folder: the app folder
/// (<see cref="AppFolder"/>) and its zip (<see cref="ZipPath"/>). Intermediate files go to artifacts/infra-publish so
/// later runs build incrementally.
/// </summary>
public sealed class PublishedPackage : IAsyncLifetime
{
    /// <summary>A ReadyToRun publish takes minutes on a busy 2-core machine.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);

    private readonly string _output = Path.Combine(Path.GetTempPath(), $"funclabel-package-{Guid.NewGuid():N}");

    internal ProcessResult Publish { get; private set; } = null!;

    internal string AppFolder => Path.Combine(_output, "app");

    internal string ZipPath => Path.Combine(_output, "funclabel.zip");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        Publish = await ProcessRun.RunAsync(
            RepoPaths.Of("scripts", "publish.sh"),
            [_output, "--artifacts-path", RepoPaths.Of("artifacts", "infra-publish")],
            RepoPaths.Root,
            timeout.Token);
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }

        return Task.CompletedTask;
    }
}
