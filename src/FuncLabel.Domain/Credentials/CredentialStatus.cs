namespace FuncLabel.Domain.Credentials;

/// <summary>What a user's credential of one type amounts to at a given instant (serialised lower snake_case).</summary>
public enum CredentialStatus
{
    /// <summary>Issued, not revoked, not expired: it opens gated jobs.</summary>
    Valid,

    /// <summary>The user has never been granted this type.</summary>
    Missing,

    /// <summary>Issued with a time still in the future (a clock or data error; treated as not held).</summary>
    NotYetIssued,

    /// <summary>Revoked by an admin; a new grant replaces the revocation.</summary>
    Revoked,

    /// <summary>Its validity period has ended.</summary>
    Expired,
}
