namespace FuncLabel.Data.Work;

/// <summary>
/// The queues jobs and tasks send to: <c>task-events</c> and <c>job-launch</c> (<see cref="StorageNames.Queues"/>).
/// Configuration section <c>Work</c>, <c>QueuePrefix</c>, lets in-process tests give each app its own queues on a
/// shared Azurite; the function declarations always bind the plain names.
/// </summary>
internal sealed record WorkQueues(string TaskEvents, string JobLaunch)
{
    public static WorkQueues Default { get; } = WithPrefix("");

    public static WorkQueues WithPrefix(string prefix) =>
        new(prefix + StorageNames.Queues.TaskEvents, prefix + StorageNames.Queues.JobLaunch);
}
