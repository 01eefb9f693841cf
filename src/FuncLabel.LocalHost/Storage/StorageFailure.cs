using Azure;

namespace FuncLabel.LocalHost.Storage;

/// <summary>
/// Failures of a storage call that a listener survives (logs, then retries on its next tick): an error answer
/// (<see cref="RequestFailedException"/>), or Azure.Core's <see cref="AggregateException"/> after its retries when the
/// service could not be reached at all — e.g. Azurite stopped before the host during a shutdown.
/// </summary>
internal static class StorageFailure
{
    public static bool IsStorage(Exception exception) => exception switch
    {
        RequestFailedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsStorage),
        HttpRequestException => true,
        _ => false,
    };

    /// <summary>A short description for the log: status and error code, or the first transport error.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        RequestFailedException { Status: > 0 } e => $"{e.Status} {e.ErrorCode}",
        AggregateException aggregate when aggregate.InnerExceptions.Count > 0 => Describe(aggregate.InnerExceptions[^1]),
        _ => exception.Message,
    };
}
