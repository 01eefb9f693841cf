namespace FuncLabel.Functions.Invocation;

/// <summary>What a queue or timer function did, in lines the invocation logs (the host shows them under it).</summary>
internal sealed record InvocationOutcome(IReadOnlyList<string> Logs)
{
    public static InvocationOutcome Done(params string[] logs) => new(logs);

    public void LogTo(ILogger logger)
    {
        foreach (var line in Logs)
        {
            logger.LogInformation("{Outcome}", line);
        }
    }
}
