using FuncLabel.Data.Credentials;
using FuncLabel.Data.Work;
using FuncLabel.Functions.Work;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FuncLabel.Functions.Credentials;

/// <summary>
/// The credential check at the top of every claim (docs/product.md, capability 8): a job that requires credentials serves a
/// task only to a caller who validly holds every required type at the claim's instant.
/// </summary>
/// <remarks>
/// Runs before the candidate query, so a refused caller costs one point read per required type and never touches the
/// work items. The job's requirements come from the claim's job read (<see cref="JobCache"/>), so a changed requirement
/// reaches every instance within the cache's lifetime; the credentials themselves are read fresh on every claim, so a
/// revocation or an expiry is effective at the very next claim.
/// </remarks>
internal sealed class ClaimGate(CredentialGate gate, TimeProvider time)
{
    /// <summary>Null when <paramref name="userId"/> may claim in <paramref name="job"/>; else the 403 that names each shortfall.</summary>
    public async Task<ProblemHttpResult?> RefusalAsync(JobDocument job, string userId, CancellationToken cancellationToken)
    {
        if (job.RequiredCredentials.Count == 0)
        {
            return null;
        }

        var shortfalls = await gate.CheckAsync(userId, job.RequiredCredentials, time.GetUtcNow(), cancellationToken);
        return shortfalls.Count == 0 ? null : CredentialProblems.Refused(shortfalls);
    }
}
