using FuncLabel.Data.Cosmos;

namespace FuncLabel.Data.Users;

/// <summary>The per-user partition of the <c>users</c> container.</summary>
internal sealed class UserStore(CosmosDatabase database)
{
    private DocumentContainer Documents => database.Container(ContainerDefinitions.Users);

    /// <summary>"My projects": the user's active membership index entries.</summary>
    public Task<Page<MembershipDocument>> ListMembershipsAsync(string userId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        Documents.QueryPageAsync<MembershipDocument>(
            new PartitionQuery(userId, "c.docType = 'membership' AND c.deleted = false"), limit, continuationToken, cancellationToken);
}
