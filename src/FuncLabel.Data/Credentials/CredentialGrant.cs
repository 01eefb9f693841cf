namespace FuncLabel.Data.Credentials;

/// <summary>
/// One grant to apply to a user's <c>credential:{typeId}</c> document. <see cref="GrantId"/> is deterministic for
/// exam awards (<c>attempt:{attemptId}:{typeId}</c>), so an exam finish performed twice applies one grant.
/// </summary>
internal sealed record CredentialGrant(
    string GrantId,
    string UserId,
    string TypeId,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt,
    CredentialSource Source);
