using System.Collections.Concurrent;
using FuncLabel.Data.Work;

namespace FuncLabel.Functions.Apis;

/// <summary>
/// Job documents cached per instance for a few seconds, so a claim costs its two Cosmos round trips (candidate query
/// and conditional write) and not a third for the job's settings. A pause or a changed claim timeout therefore takes
/// effect on every instance within <see cref="Lifetime"/>. Measured on the process clock, not the injected
/// <see cref="TimeProvider"/>: this is an operational cache, not domain time.
/// </summary>
public sealed class JobCache(JobStore jobs)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string, string), (JobDocument Job, long Ticks)> _cache = new();

    public async Task<JobDocument?> GetAsync(string projectId, string jobId, CancellationToken cancellationToken)
    {
        long now = Environment.TickCount64;
        if (_cache.TryGetValue((projectId, jobId), out var hit) && now - hit.Ticks < Lifetime.TotalMilliseconds)
        {
            return hit.Job;
        }

        var job = await jobs.GetAsync(projectId, jobId, cancellationToken);
        if (job is not null)
        {
            _cache[(projectId, jobId)] = (job, now);
        }

        return job;
    }
}
