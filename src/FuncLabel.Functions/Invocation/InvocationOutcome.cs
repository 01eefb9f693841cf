namespace FuncLabel.Functions.Invocation;

/// <summary>What a queue or timer function reports back to the host: log lines shown under the invocation.</summary>
public sealed record InvocationOutcome(IReadOnlyList<string> Logs)
{
    public static InvocationOutcome Done(params string[] logs) => new(logs);
}
