using System.Globalization;
using FuncLabel.LocalHost.App;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// One start of the worker, worked out as the Functions host does (the launch contract in docs/local-host.md):
/// <c>{executable} {arguments} {appDir}/{workerPath} {workerArguments} --functions-uri … --functions-worker-id …
/// --functions-request-id … --functions-grpc-max-message-length 2147483647</c>, in the app folder, with the app
/// settings, <c>FUNCTIONS_APPLICATION_DIRECTORY</c> and <c>FUNCTIONS_WORKER_RUNTIME</c> in its environment.
/// </summary>
/// <param name="Executable">The program to run (an absolute path, or a name looked up on PATH such as <c>dotnet</c>).</param>
/// <param name="Arguments">Everything after the executable: its own arguments, the worker assembly, <paramref name="WorkerArguments"/>.</param>
/// <param name="WorkerArguments">The arguments the worker itself reads (what an in-process launcher passes to the app's host builder).</param>
/// <param name="Environment">Variables to set for the worker: the app settings and the host's own.</param>
internal sealed record WorkerLaunch(
    string WorkerId,
    string Executable,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<string> WorkerArguments,
    string AppDirectory,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>
    /// The configuration keys the worker derives from its <c>--functions-*</c> arguments. The worker reads them from its
    /// process's own command line (<c>Environment.GetCommandLineArgs</c>), not from the arguments given to its host
    /// builder, so a worker hosted inside another process (a test) must get them as configuration instead.
    /// </summary>
    public IReadOnlyDictionary<string, string> WorkerConfiguration
    {
        get
        {
            var keys = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["--functions-uri"] = "Functions:Worker:HostEndpoint",
                ["--functions-request-id"] = "Functions:Worker:RequestId",
                ["--functions-worker-id"] = "Functions:Worker:WorkerId",
                ["--functions-grpc-max-message-length"] = "Functions:Worker:GrpcMaxMessageLength",
            };
            var configuration = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < WorkerArguments.Count; i++)
            {
                if (keys.TryGetValue(WorkerArguments[i], out var key))
                {
                    configuration[key] = WorkerArguments[++i];
                }
            }

            return configuration;
        }
    }

    /// <summary>The largest gRPC message either side accepts; the worker refuses to start without a limit (its default is 0).</summary>
    public const int MaxMessageLength = int.MaxValue;

    public static WorkerLaunch Create(AppFolder app, AppSettings settings, Uri rpcAddress)
    {
        var description = app.Worker;
        var workerId = Guid.NewGuid().ToString();
        var candidate = Path.Combine(app.Root, description.DefaultExecutablePath);
        var executable = Path.IsPathRooted(description.DefaultExecutablePath) || File.Exists(candidate)
            ? Path.GetFullPath(candidate)
            : description.DefaultExecutablePath;
        List<string> workerArguments =
        [
            .. description.WorkerArguments.Select(settings.ExpandLeavingUnknown),
            "--functions-uri", rpcAddress.ToString(),
            "--functions-worker-id", workerId,
            "--functions-request-id", Guid.NewGuid().ToString(),
            "--functions-grpc-max-message-length", MaxMessageLength.ToString(CultureInfo.InvariantCulture),
        ];
        List<string> arguments =
        [
            .. description.Arguments.Select(settings.ExpandLeavingUnknown),
            Path.GetFullPath(Path.Combine(app.Root, description.DefaultWorkerPath)),
            .. workerArguments,
        ];
        var environment = new Dictionary<string, string>(settings.FileValues, StringComparer.Ordinal)
        {
            ["FUNCTIONS_APPLICATION_DIRECTORY"] = app.Root,
            ["FUNCTIONS_WORKER_DIRECTORY"] = app.Root,
            ["FUNCTIONS_WORKER_RUNTIME"] = description.Language,
            ["AzureWebJobsScriptRoot"] = app.Root,
        };
        return new WorkerLaunch(workerId, executable, arguments, workerArguments, app.Root, environment);
    }
}
