using System.Text.Json.Nodes;
using FuncLabel.LocalHost.App;

namespace FuncLabel.LocalHost.Invocation;

/// <summary>
/// One invocation of a queue or timer function, ready to send: the payload's <c>Data</c> and <c>Metadata</c>
/// (already converted per §1.4), plus the plain binding data that <c>{…}</c> expressions in output paths may name.
/// </summary>
/// <param name="Reason">Why the function runs, for the log line (e.g. <c>New queue message detected on 'orders'.</c>).</param>
internal sealed record InvocationRequest(
    FunctionDefinition Function,
    string Reason,
    JsonObject Data,
    JsonObject Metadata,
    IReadOnlyDictionary<string, string> BindingData)
{
    public string Id { get; } = Guid.NewGuid().ToString();

    /// <summary>What fired it, as plain values (the worker builds its gRPC inputs from these).</summary>
    public TriggerInput? Trigger { get; init; }
}
