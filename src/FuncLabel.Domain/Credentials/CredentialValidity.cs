namespace FuncLabel.Domain.Credentials;

/// <summary>
/// The validity rule of capability 8 (docs/product.md): a credential is valid at <c>now</c> when it was issued at or
/// before now, is not revoked at or before now and has not expired (the expiry instant itself is already
/// expired: validity is the half-open interval [issuedAt, expiresAt)). Pure; the caller supplies the clock.
/// </summary>
public static class CredentialValidity
{
    /// <summary>
    /// The status of a grant at <paramref name="now"/>; <see cref="CredentialStatus.Missing"/> when there is no
    /// grant (<paramref name="issuedAt"/> null). Revocation wins over expiry when both apply, because it is the
    /// stronger statement about the holder.
    /// </summary>
    public static CredentialStatus StatusAt(DateTimeOffset? issuedAt, DateTimeOffset? expiresAt, DateTimeOffset? revokedAt, DateTimeOffset now)
    {
        if (issuedAt is not { } issued)
        {
            return CredentialStatus.Missing;
        }

        if (revokedAt is { } revoked && revoked <= now)
        {
            return CredentialStatus.Revoked;
        }

        if (issued > now)
        {
            return CredentialStatus.NotYetIssued;
        }

        return expiresAt is { } expires && expires <= now ? CredentialStatus.Expired : CredentialStatus.Valid;
    }

    /// <summary>When a grant issued at <paramref name="issuedAt"/> expires: <paramref name="validityDays"/> whole days later, or never (null).</summary>
    public static DateTimeOffset? ExpiresAt(DateTimeOffset issuedAt, int? validityDays) =>
        validityDays is { } days ? issuedAt.AddDays(days) : null;

    /// <summary>
    /// Whether a grant (<paramref name="issuedAt"/>, <paramref name="grantId"/>) replaces the stored one. Grants are
    /// ordered by issue time, then by id, so applying grants in any order, any number of times, ends with the
    /// same document: a late redelivery of an older grant (an exam finish's outbox entry performed again by the
    /// sweep after an admin revoked or re-granted) never resurrects it, and the same grant applied twice is a no-op.
    /// </summary>
    public static bool Supersedes(DateTimeOffset issuedAt, string grantId, DateTimeOffset? currentIssuedAt, string? currentGrantId)
    {
        if (currentIssuedAt is not { } current)
        {
            return true;
        }

        return issuedAt != current ? issuedAt > current : string.CompareOrdinal(grantId, currentGrantId) > 0;
    }
}
