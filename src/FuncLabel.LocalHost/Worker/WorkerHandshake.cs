using System.Diagnostics;
using FuncLabel.LocalHost.Worker.Rpc;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// After the worker's <c>StartStream</c>: <c>WorkerInitRequest</c> → <c>WorkerInitResponse</c> (capabilities),
/// <c>FunctionsMetadataRequest</c> → <c>FunctionMetadataResponse</c> (the worker indexes its own functions, or asks the
/// host to read functions.metadata), then one <c>FunctionLoadRequest</c> per function, all answered — the collection
/// form of the load request is never answered by the worker, so it is not used. Any step the worker reports as failed
/// fails the handshake with its reason.
/// </summary>
internal static class WorkerHandshake
{
    /// <summary>The host version the local host reports to the worker.</summary>
    public const string HostVersion = "4.0.0-funclabel-local";

    public static async Task<WorkerSession> RunAsync(WorkerChannel channel, string appDirectory, Stopwatch sinceLaunch, long streamOpened, CancellationToken cancellationToken)
    {
        var init = new WorkerInitRequest
        {
            HostVersion = HostVersion,
            WorkerDirectory = appDirectory,
            FunctionAppDirectory = appDirectory,
        };
        var initialized = await channel.InitializeAsync(init, cancellationToken);
        Require(initialized.Result, "initialize");
        var initializedAt = sinceLaunch.ElapsedMilliseconds;

        var metadata = await channel.GetMetadataAsync(new FunctionsMetadataRequest { FunctionAppDirectory = appDirectory }, cancellationToken);
        Require(metadata.Result, "report its functions");
        IReadOnlyList<RpcFunctionMetadata> functions = metadata.UseDefaultMetadataIndexing
            ? FunctionsMetadataFile.Read(appDirectory)
            : [.. metadata.FunctionMetadataResults];
        var metadataAt = sinceLaunch.ElapsedMilliseconds;

        foreach (var function in functions)
        {
            function.Directory = appDirectory;
            if (string.IsNullOrEmpty(function.FunctionId))
            {
                throw new WorkerStartException($"The worker reported function '{function.Name}' without an id.");
            }
        }

        var loads = functions.Select(f => channel.LoadAsync(new FunctionLoadRequest { FunctionId = f.FunctionId, Metadata = f }, cancellationToken)).ToList();
        foreach (var (loaded, function) in (await Task.WhenAll(loads)).Zip(functions))
        {
            Require(loaded.Result, $"load function '{function.Name}'");
        }

        var timings = new HandshakeTimings(streamOpened, initializedAt, metadataAt, sinceLaunch.ElapsedMilliseconds);
        return new WorkerSession(channel, new Dictionary<string, string>(initialized.Capabilities, StringComparer.Ordinal), functions, timings);
    }

    private static void Require(StatusResult? result, string step)
    {
        if (result is null || result.Status != StatusResult.Types.Status.Success)
        {
            var reason = result?.Exception is { } e ? $"{e.Type}: {e.Message}".TrimStart(':', ' ') : result?.Result ?? "no result";
            throw new WorkerStartException($"The worker failed to {step}: {reason}");
        }
    }
}
