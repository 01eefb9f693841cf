namespace FuncLabel.Domain.Reports;

/// <summary>A credential type as the catalog holds it.</summary>
/// <param name="ValidityDays">Days a grant stays valid; null = no expiry.</param>
public sealed record CredentialTypeInfo(string TypeId, string Name, int? ValidityDays);

/// <summary>
/// A user's current credential of one type, as the maintained holder index (<c>holders:{typeId}</c>) has it: the
/// latest grant with its expiry and any revocation. Earlier grants of the same (type, user) live only in the ledger.
/// </summary>
public sealed record CredentialState(string TypeId, string UserId, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, GrantSource Source);
