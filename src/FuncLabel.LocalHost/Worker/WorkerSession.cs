using FuncLabel.LocalHost.Worker.Rpc;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// A worker that finished the handshake: its channel, its capabilities (notably <c>HttpUri</c>, where the ASP.NET Core
/// integration listens), the functions it reported and loaded (by name, with the id invocations use), and how long each
/// step took from the process start.
/// </summary>
internal sealed record WorkerSession(
    WorkerChannel Channel,
    IReadOnlyDictionary<string, string> Capabilities,
    IReadOnlyList<RpcFunctionMetadata> Functions,
    HandshakeTimings Timings)
{
    public const string HttpUriCapability = "HttpUri";

    private readonly Dictionary<string, string> _ids = Functions.ToDictionary(f => f.Name, f => f.FunctionId, StringComparer.OrdinalIgnoreCase);

    /// <summary>The worker's ASP.NET Core endpoint, or null when the app does not use the integration.</summary>
    public Uri? HttpUri =>
        Capabilities.TryGetValue(HttpUriCapability, out var text) && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;

    public string FunctionId(string functionName) =>
        _ids.TryGetValue(functionName, out var id) ? id : throw new WorkerUnavailableException($"The worker did not load a function named '{functionName}'.");
}

/// <summary>Milliseconds from the worker's launch to each handshake step (and to its HTTP endpoint accepting connections).</summary>
internal sealed record HandshakeTimings(long StreamOpened, long Initialized, long MetadataReceived, long FunctionsLoaded)
{
    public long? HttpReady { get; init; }

    public long Total => HttpReady ?? FunctionsLoaded;

    public override string ToString() =>
        $"stream {StreamOpened} ms, init {Initialized} ms, metadata {MetadataReceived} ms, loaded {FunctionsLoaded} ms" +
        (HttpReady is { } http ? $", HTTP {http} ms" : "");
}
