using FuncLabel.Data.Credentials;
using FuncLabel.Domain.Credentials;

namespace FuncLabel.Functions.Credentials;

internal sealed record CredentialTypeView(string Id, string Name, string Description, int? ValidityDays, string CreatedBy, DateTimeOffset CreatedAt, long Version)
{
    public static CredentialTypeView From(CredentialTypeDocument t) => new(t.TypeId, t.Name, t.Description, t.ValidityDays, t.CreatedBy, t.CreatedAt, t.Version);
}

/// <summary>A user's credential with its status at the time of the request.</summary>
internal sealed record CredentialView(
    string UserId,
    string TypeId,
    CredentialStatus Status,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    string? RevokeReason,
    CredentialSource Source,
    long Version)
{
    public static CredentialView From(CredentialDocument c, DateTimeOffset now) =>
        new(c.UserId, c.TypeId, c.StatusAt(now), c.IssuedAt, c.ExpiresAt, c.RevokedAt, c.RevokedBy, c.RevokeReason, c.Source, c.Version);
}

internal sealed record HolderView(string UserId, CredentialStatus Status, DateTimeOffset? IssuedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, CredentialSourceKind? SourceKind)
{
    public static HolderView From(HolderDocument h, DateTimeOffset now) =>
        new(h.UserId, CredentialValidity.StatusAt(h.IssuedAt, h.ExpiresAt, h.RevokedAt, now), h.IssuedAt, h.ExpiresAt, h.RevokedAt, h.SourceKind);
}

/// <summary>Body of <c>POST /api/credential-types</c>; <see cref="Id"/> optional (a chosen id makes the create retryable).</summary>
internal sealed record CreateCredentialTypeRequest(string? Id, string? Name, string? Description, int? ValidityDays);

/// <summary>Body of <c>POST /api/users/{userId}/credentials</c>: an offline grant on evidence checked by the admin.</summary>
internal sealed record OfflineGrantRequest(string? TypeId, string? EvidenceNote, string? EvidenceBlobPath);

internal sealed record RevokeCredentialRequest(string? Reason);
