using System.Text.Json.Nodes;
using FuncLabel.LocalHost.App;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// <c>worker.config.json</c>, which the Worker SDK writes next to the app's assembly: how to start the worker
/// (<c>defaultExecutablePath</c>, normally <c>dotnet</c>; <c>defaultWorkerPath</c>, the app's assembly relative to the
/// folder; optional <c>arguments</c> for the executable and <c>workerArguments</c> for the worker) and whether it
/// indexes its own functions (<c>workerIndexing</c>).
/// </summary>
internal sealed record WorkerDescription(
    string DefaultExecutablePath,
    string DefaultWorkerPath,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<string> WorkerArguments,
    string Language)
{
    public const string FileName = "worker.config.json";

    public static WorkerDescription? Read(string path, List<string> problems)
    {
        if (!JsonConfig.TryReadFile(path, problems, out var root))
        {
            return null;
        }

        var description = root.Child("description");
        var executable = description.Text("defaultExecutablePath");
        var worker = description.Text("defaultWorkerPath");
        if (string.IsNullOrWhiteSpace(executable) || string.IsNullOrWhiteSpace(worker))
        {
            problems.Add($"{path}: description.defaultExecutablePath and description.defaultWorkerPath are required.");
            return null;
        }

        return new WorkerDescription(
            executable,
            worker,
            Strings(description.Child("arguments")),
            Strings(description.Child("workerArguments")),
            description.Text("language") ?? "dotnet-isolated");
    }

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray list ? list.Select(a => a?.GetValue<string>() ?? "").Where(a => a.Length > 0).ToList() : [];
}
