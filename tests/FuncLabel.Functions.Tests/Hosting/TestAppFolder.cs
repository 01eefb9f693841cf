using FuncLabel.Testing;

namespace FuncLabel.Functions.Tests.Hosting;

/// <summary>
/// The app folder the in-process workers run from: the repository's host.json (route prefix, queue settings) and a
/// worker.config.json, as the Worker SDK writes them next to the app. The ASP.NET Core extension reads the route
/// prefix from <c>FUNCTIONS_APPLICATION_DIRECTORY</c> in the process environment, so the folder is one per process.
/// </summary>
internal static class TestAppFolder
{
    private static readonly Lazy<string> Folder = new(Create);

    public static string Path => Folder.Value;

    private static string Create()
    {
        var folder = Directory.CreateTempSubdirectory("funclabel-worker-app-").FullName;
        File.Copy(RepoPaths.Of("host.json"), System.IO.Path.Combine(folder, "host.json"));
        File.WriteAllText(
            System.IO.Path.Combine(folder, "worker.config.json"),
            """{"description":{"language":"dotnet-isolated","extensions":[".dll"],"defaultExecutablePath":"dotnet","defaultWorkerPath":"FuncLabel.Functions.dll","workerIndexing":"true"}}""");
        Environment.SetEnvironmentVariable("FUNCTIONS_APPLICATION_DIRECTORY", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // In use at exit; the OS cleans temporary folders.
            }
        };
        return folder;
    }
}
