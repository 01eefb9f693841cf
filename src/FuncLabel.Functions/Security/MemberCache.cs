using FuncLabel.Data.Projects;
using FuncLabel.Functions.Caching;

namespace FuncLabel.Functions.Security;

/// <summary>
/// Callers' member documents, cached per instance for <see cref="Lifetime"/>, so a project route does not pay a
/// Cosmos read for the caller's role on every call (a claim is then its query and its write). A minute, not the job
/// cache's seconds: an annotator's calls are minutes apart (open, draw, submit, claim the next), so a shorter life would
/// miss on almost every call. The trade-off: a removal or role change made through another instance takes effect here
/// within <see cref="Lifetime"/>; through this instance at once (member writes call <see cref="Forget"/>). A non-member
/// is not cached (an added member has access at once).
/// </summary>
internal sealed class MemberCache(ProjectStore projects)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly ExpiringCache<(string, string), MemberDocument> _cache = new(Lifetime);

    public Task<MemberDocument?> GetAsync(string projectId, string userId, CancellationToken cancellationToken) =>
        _cache.GetAsync((projectId, userId), ct => projects.GetMemberAsync(projectId, userId, ct), cancellationToken);

    public void Forget(string projectId, string userId) => _cache.Forget((projectId, userId));
}
