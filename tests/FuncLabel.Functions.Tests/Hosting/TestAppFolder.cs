namespace FuncLabel.Functions.Tests.Hosting;

/// <summary>
/// The app folder the in-process workers run from: this test assembly's output folder, which holds the app's
/// assembly (the worker loads functions from the host's app folder), with the repository's host.json (route prefix,
/// queue settings, copied at build) and a worker.config.json as the Worker SDK writes it. The ASP.NET Core extension
/// reads the route prefix from <c>FUNCTIONS_APPLICATION_DIRECTORY</c> in the process environment.
/// </summary>
internal static class TestAppFolder
{
    private static readonly Lazy<string> Folder = new(Create);

    public static string Path => Folder.Value;

    private static string Create()
    {
        var folder = AppContext.BaseDirectory;
        File.WriteAllText(
            System.IO.Path.Combine(folder, "worker.config.json"),
            """{"description":{"language":"dotnet-isolated","extensions":[".dll"],"defaultExecutablePath":"dotnet","defaultWorkerPath":"FuncLabel.Functions.dll","workerIndexing":"true"}}""");
        if (!File.Exists(System.IO.Path.Combine(folder, "host.json")))
        {
            throw new InvalidOperationException($"host.json is not in {folder}: the test project copies the repository's host.json at build.");
        }

        Environment.SetEnvironmentVariable("FUNCTIONS_APPLICATION_DIRECTORY", folder);
        return folder;
    }
}
