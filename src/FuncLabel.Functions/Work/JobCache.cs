using FuncLabel.Data.Work;
using FuncLabel.Functions.Caching;

namespace FuncLabel.Functions.Work;

/// <summary>
/// Job documents cached per instance for a few seconds, so a claim costs its two Cosmos round trips (candidate query
/// and conditional write) and not a third for the job's settings. A pause or a changed claim timeout therefore takes
/// effect on every instance within <see cref="Lifetime"/>.
/// </summary>
internal sealed class JobCache(JobStore jobs)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ExpiringCache<(string, string), JobDocument> _cache = new(Lifetime);

    public Task<JobDocument?> GetAsync(string projectId, string jobId, CancellationToken cancellationToken) =>
        _cache.GetAsync((projectId, jobId), ct => jobs.GetAsync(projectId, jobId, ct), cancellationToken);
}
