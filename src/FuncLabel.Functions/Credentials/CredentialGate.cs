using FuncLabel.Data.Credentials;
using FuncLabel.Domain.Credentials;

namespace FuncLabel.Functions.Credentials;

/// <summary>A required credential the user does not validly hold, and why (missing, expired, revoked, not yet issued).</summary>
internal sealed record CredentialShortfall(string TypeId, CredentialStatus Status);

/// <summary>
/// Claim-time gating (docs/product.md, capability 8): a job that requires credentials serves a task only to a user who
/// holds a valid grant of every required type at the moment of the claim. One point read per required type in
/// the user's own partition; no index is consulted, so a revocation or expiry takes effect at the very next claim.
/// </summary>
/// <remarks>
/// The claim handler calls <see cref="CheckAsync"/> before choosing a slot and, when the result is not empty,
/// answers 403 with a problem document that names each shortfall (type id and status).
/// </remarks>
internal sealed class CredentialGate(CredentialStore credentials)
{
    /// <summary>The required types <paramref name="userId"/> does not validly hold at <paramref name="now"/>, in the order given; empty = allowed.</summary>
    public async Task<IReadOnlyList<CredentialShortfall>> CheckAsync(
        string userId, IReadOnlyList<string> requiredTypeIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var shortfalls = new List<CredentialShortfall>();
        foreach (var typeId in requiredTypeIds.Distinct(StringComparer.Ordinal))
        {
            var credential = await credentials.GetCredentialAsync(userId, typeId, cancellationToken).ConfigureAwait(false);
            var status = credential?.StatusAt(now) ?? CredentialStatus.Missing;
            if (status != CredentialStatus.Valid)
            {
                shortfalls.Add(new CredentialShortfall(typeId, status));
            }
        }

        return shortfalls;
    }
}
