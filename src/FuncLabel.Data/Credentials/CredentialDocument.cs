using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Credentials;

namespace FuncLabel.Data.Credentials;

/// <summary>
/// A user's credential of one type: container <c>users</c>, pk <c>{userId}</c>, id <c>credential:{typeId}</c>.
/// One document per (user, type), so claim-time gating is one point read per required type. A new grant
/// replaces the current one (renewal, or re-grant after revocation); the history is in the ledger.
/// </summary>
internal sealed record CredentialDocument : VersionedDocument
{
    public override string DocType => "credential";

    public required string UserId { get; init; }

    public required string TypeId { get; init; }

    /// <summary>The grant this document currently reflects (see <see cref="CredentialValidity.Supersedes"/>).</summary>
    public required string GrantId { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedBy { get; init; }

    public string? RevokeReason { get; init; }

    public required CredentialSource Source { get; init; }

    public CredentialStatus StatusAt(DateTimeOffset now) => CredentialValidity.StatusAt(IssuedAt, ExpiresAt, RevokedAt, now);

    public static string IdFor(string typeId) => $"credential:{typeId}";

    public static string Resource(string userId, string typeId) => $"credential:{userId}:{typeId}";
}
