using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Ledger;
using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Credentials;

namespace FuncLabel.Data.Credentials;

/// <summary>
/// Credential types and holders (container <c>catalog</c>) and users' credentials (container <c>users</c>).
/// Credentials are organisation-wide, so their ledger events go to the <c>org</c> scope.
/// </summary>
internal sealed class CredentialStore(CosmosDatabase database, StateWriter writer)
{
    private DocumentContainer Catalog => database.Container(ContainerDefinitions.Catalog);

    private DocumentContainer Users => database.Container(ContainerDefinitions.Users);

    public Task<CredentialTypeDocument?> GetTypeAsync(string typeId, CancellationToken cancellationToken) =>
        Catalog.ReadAsync<CredentialTypeDocument>(CredentialTypeDocument.PartitionKey, typeId, cancellationToken);

    public Task<WriteResult<CredentialTypeDocument>> CreateTypeAsync(CredentialTypeDocument type, ChangeContext change, CancellationToken cancellationToken) =>
        writer.CreateAsync(
            ContainerDefinitions.Catalog,
            StateChange.Next(type, change, CredentialTypeDocument.Resource(type.TypeId), "credential_type.created",
                new Dictionary<string, string> { ["typeId"] = type.TypeId, ["validityDays"] = type.ValidityDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none" }),
            cancellationToken);

    public Task<Page<CredentialTypeDocument>> ListTypesAsync(int limit, string? continuationToken, CancellationToken cancellationToken) =>
        Catalog.QueryPageAsync<CredentialTypeDocument>(
            new PartitionQuery(CredentialTypeDocument.PartitionKey, "c.docType = 'credential-type'"), limit, continuationToken, cancellationToken);

    /// <summary>Every credential type id (for the outbox sweep, which visits the holders partitions).</summary>
    public IAsyncEnumerable<string> AllTypeIdsAsync(CancellationToken cancellationToken) =>
        Catalog.QueryAllAsync<string>(new PartitionQuery(CredentialTypeDocument.PartitionKey, "c.docType = 'credential-type'", "VALUE c.typeId"), cancellationToken);

    /// <summary>Users who have (or had) a grant of the type; registrations whose credential was never written are skipped.</summary>
    public Task<Page<HolderDocument>> ListHoldersAsync(string typeId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        Catalog.QueryPageAsync<HolderDocument>(
            new PartitionQuery(HolderDocument.PartitionFor(typeId), "c.docType = 'holder' AND c.sourceVersion > 0"), limit, continuationToken, cancellationToken);

    /// <summary>Every user registered as a (possible) holder of the type, including registrations not yet written.</summary>
    public IAsyncEnumerable<string> AllHolderIdsAsync(string typeId, CancellationToken cancellationToken) =>
        Catalog.QueryAllAsync<string>(new PartitionQuery(HolderDocument.PartitionFor(typeId), "c.docType = 'holder'", "VALUE c.userId"), cancellationToken);

    /// <summary>The user's credential of a type (one point read: what claim-time gating uses).</summary>
    public Task<CredentialDocument?> GetCredentialAsync(string userId, string typeId, CancellationToken cancellationToken) =>
        Users.ReadAsync<CredentialDocument>(userId, CredentialDocument.IdFor(typeId), cancellationToken);

    public Task<Page<CredentialDocument>> ListCredentialsAsync(string userId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        Users.QueryPageAsync<CredentialDocument>(new PartitionQuery(userId, "c.docType = 'credential'"), limit, continuationToken, cancellationToken);

    /// <summary>
    /// Applies a grant: registers the holder (so the sweep can find the user), then writes the credential document
    /// unless it already reflects this grant or a later one (<see cref="CredentialValidity.Supersedes"/>). A
    /// concurrent writer makes the conditional write fail; the grant is then decided again on a fresh read
    /// (<see cref="ConditionalUpdate"/>).
    /// Returns the document as stored afterwards.
    /// </summary>
    public async Task<CredentialDocument> GrantAsync(CredentialGrant grant, string actor, CancellationToken cancellationToken)
    {
        await RegisterHolderAsync(grant.UserId, grant.TypeId, cancellationToken).ConfigureAwait(false);
        return await ConditionalUpdate.RunAsync(
                $"credential {grant.TypeId} of {grant.UserId}",
                ct => GetCredentialAsync(grant.UserId, grant.TypeId, ct),
                current => current is not null && !CredentialValidity.Supersedes(grant.IssuedAt, grant.GrantId, current.IssuedAt, current.GrantId)
                    ? UpdateDecision.Done(current)
                    : UpdateDecision.Write(ct => WriteGrantAsync(grant, actor, current, ct)),
                cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Writes the grant over <paramref name="current"/> (created when null, else replaced as read).</summary>
    private Task<WriteResult<CredentialDocument>> WriteGrantAsync(CredentialGrant grant, string actor, CredentialDocument? current, CancellationToken cancellationToken)
    {
        var document = new CredentialDocument
        {
            Id = CredentialDocument.IdFor(grant.TypeId),
            Pk = grant.UserId,
            UserId = grant.UserId,
            TypeId = grant.TypeId,
            GrantId = grant.GrantId,
            IssuedAt = grant.IssuedAt,
            ExpiresAt = grant.ExpiresAt,
            Source = grant.Source,
            Version = current?.Version ?? 0,
            Outbox = current?.Outbox ?? [],
            ETag = current?.ETag,
        };
        var details = new Dictionary<string, string>
        {
            ["userId"] = grant.UserId,
            ["typeId"] = grant.TypeId,
            ["grantId"] = grant.GrantId,
            ["source"] = grant.Source.Kind == CredentialSourceKind.Offline ? "offline" : "exam_attempt",
            ["expiresAt"] = grant.ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "never",
        };
        var next = Changed(document, new ChangeContext(actor, grant.IssuedAt, LedgerEvent.OrgScope), "credential.granted", details);
        return current is null
            ? writer.CreateAsync(ContainerDefinitions.Users, next, cancellationToken)
            : writer.ReplaceAsync(ContainerDefinitions.Users, next, cancellationToken);
    }

    /// <summary>Revokes the credential as read (its ETag); <see cref="WriteFailure.Stale"/> when it changed meanwhile.</summary>
    public Task<WriteResult<CredentialDocument>> RevokeAsync(CredentialDocument current, string reason, ChangeContext change, CancellationToken cancellationToken)
    {
        var revoked = current with { RevokedAt = change.At, RevokedBy = change.Actor, RevokeReason = reason };
        return writer.ReplaceAsync(
            ContainerDefinitions.Users,
            Changed(revoked, change, "credential.revoked", new Dictionary<string, string>
            {
                ["userId"] = current.UserId,
                ["typeId"] = current.TypeId,
                ["grantId"] = current.GrantId,
                ["reason"] = reason,
            }),
            cancellationToken);
    }

    /// <summary>Registers the (type, user) pair in the holders partition with source version 0, if not there yet.</summary>
    private async Task RegisterHolderAsync(string userId, string typeId, CancellationToken cancellationToken) =>
        await Catalog.CreateAsync(
                new HolderDocument { Id = userId, Pk = HolderDocument.PartitionFor(typeId), UserId = userId, TypeId = typeId, SourceVersion = 0 },
                cancellationToken)
            .ConfigureAwait(false);

    private static CredentialDocument Changed(CredentialDocument document, ChangeContext change, string action, IReadOnlyDictionary<string, string> details)
    {
        var holder = new HolderDocument
        {
            Id = document.UserId,
            Pk = HolderDocument.PartitionFor(document.TypeId),
            UserId = document.UserId,
            TypeId = document.TypeId,
            IssuedAt = document.IssuedAt,
            ExpiresAt = document.ExpiresAt,
            RevokedAt = document.RevokedAt,
            SourceKind = document.Source.Kind,
            SourceVersion = document.Version + 1,
        };
        return StateChange.Next(document, change, CredentialDocument.Resource(document.UserId, document.TypeId), action, details,
            [StateChange.Index(ContainerDefinitions.Catalog, holder, change.At)]);
    }
}
