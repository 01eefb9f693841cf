namespace FuncLabel.LocalHost.Invocation;

/// <summary>The host's line at the end of every invocation, as <c>func start</c> prints it.</summary>
internal static class InvocationLogLines
{
    public static void Executed(ILogger logger, string function, string id, InvocationOutcome outcome)
    {
        if (outcome.Succeeded)
        {
            logger.LogInformation("Executed 'Functions.{Function}' (Succeeded, Id={Id}, Duration={Duration}ms)",
                function, id, (long)outcome.Duration.TotalMilliseconds);
        }
        else
        {
            logger.LogError("Executed 'Functions.{Function}' (Failed, Id={Id}, Duration={Duration}ms) {Failure}: {Detail}",
                function, id, (long)outcome.Duration.TotalMilliseconds, outcome.Failure, outcome.Detail);
        }
    }
}
