using FuncLabel.LocalHost.App;

namespace FuncLabel.LocalHost.Invocation;

/// <summary>
/// One invocation of a queue, timer or blob-triggered function: what fired it (<see cref="Trigger"/>, which the worker
/// invocation is built from) and the plain binding data that <c>{…}</c> expressions in output paths may name.
/// </summary>
/// <param name="Reason">Why the function runs, for the log line (e.g. <c>New queue message detected on 'orders'.</c>).</param>
internal sealed record InvocationRequest(
    FunctionDefinition Function,
    string Reason,
    TriggerInput Trigger,
    IReadOnlyDictionary<string, string> BindingData)
{
    public string Id { get; } = Guid.NewGuid().ToString();
}
