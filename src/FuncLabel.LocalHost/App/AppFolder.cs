namespace FuncLabel.LocalHost.App;

/// <summary>
/// A built Functions app folder, read exactly as deployed (the <c>dotnet publish</c> output of a .NET isolated worker
/// app): <c>host.json</c> and the Worker SDK's <c>worker.config.json</c>, which says how to start the worker. The
/// functions come from the worker itself once it runs (<see cref="Worker.WorkerHost"/>,
/// <see cref="Worker.WorkerFunctions"/>), so a freshly loaded folder has none yet. An optional <c>blobwatcher.json</c>
/// beside host.json configures the blob watcher. Problems (missing or unreadable files, bad settings) are collected
/// rather than thrown, so one start-up lists them all.
/// </summary>
internal sealed record AppFolder(
    string Root,
    HostSettings Host,
    Worker.WorkerDescription Worker,
    IReadOnlyList<FunctionDefinition> Functions,
    Blobs.BlobWatcherConfig? Watcher = null)
{
    public const string DefaultConnection = "AzureWebJobsStorage";

    public static AppFolder? Load(string root, AppSettings settings, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        root = Path.GetFullPath(root);
        var workerFile = Path.Combine(root, LocalHost.Worker.WorkerDescription.FileName);
        var worker = File.Exists(workerFile)
            ? LocalHost.Worker.WorkerDescription.Read(workerFile, found)
            : Missing(workerFile, found);
        var host = HostSettings.Read(Path.Combine(root, "host.json"), found);
        var watcherFile = Path.Combine(root, Blobs.BlobWatcherConfig.FileName);
        var watcher = File.Exists(watcherFile) ? Blobs.BlobWatcherConfig.Read(watcherFile, settings, found) : null;
        return found.Count == 0 && worker is not null && host is not null
            ? new AppFolder(root, host, worker, [], watcher)
            : null;
    }

    private static Worker.WorkerDescription? Missing(string workerFile, List<string> problems)
    {
        problems.Add($"{workerFile} does not exist: the app folder must be the build output of a .NET isolated worker app " +
                     "(the Worker SDK writes worker.config.json; scripts/build-app.sh builds FuncLabel's).");
        return null;
    }
}
