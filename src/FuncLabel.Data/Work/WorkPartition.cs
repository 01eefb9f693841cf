namespace FuncLabel.Data.Work;

/// <summary>
/// The <c>work</c> container's partition key of one job: <c>{projectId}:{jobId}</c>. Job ids are chosen per project, so
/// the job id alone would let two projects' jobs of the same id share a partition — claims would serve the other
/// project's items, a launch would skip assets whose item the other project made, progress and exports would count
/// both, and the fan-out would number both jobs' submissions on one counter. Every reader and writer of work items and
/// of the job counter takes the key from here.
/// </summary>
internal static class WorkPartition
{
    /// <summary>The partition of job <paramref name="jobId"/> of project <paramref name="projectId"/> (neither contains <c>:</c>).</summary>
    public static string For(string projectId, string jobId) => $"{projectId}:{jobId}";
}
