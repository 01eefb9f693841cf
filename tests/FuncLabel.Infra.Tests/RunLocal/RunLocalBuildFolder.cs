namespace FuncLabel.Infra.Tests.RunLocal;

/// <summary>
/// The folder the test runs of <c>scripts/run-local.sh</c> build the app folder and the local host into
/// (<c>FUNCLABEL_ARTIFACTS_DIR</c>): one per test class, so the first run builds and the next ones find it up to date,
/// and never the repository's artifacts folder, which a developer's running instance may be using.
/// </summary>
public sealed class RunLocalBuildFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("funclabel-runlocal-build-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process that was just killed; the temp folder is cleaned by the OS later.
        }
    }
}
