using FuncLabel.Data.Outbox;

namespace FuncLabel.Data.Credentials;

/// <summary>
/// The catalog-side index of a credential (container <c>catalog</c>, pk <c>holders:{typeId}</c>, id = user id),
/// kept in step with the user's <c>credential:{typeId}</c> through its outbox; answers "holders of a type" in one
/// partition. It is registered with source version 0 before the credential is first written, so the outbox sweep
/// can find the user's partition even if the request dies right after the credential write. Gating never reads it:
/// the user's credential document is the truth.
/// </summary>
internal sealed record HolderDocument : IndexDocument
{
    public override string DocType => "holder";

    public required string UserId { get; init; }

    public required string TypeId { get; init; }

    public DateTimeOffset? IssuedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public CredentialSourceKind? SourceKind { get; init; }

    public static string PartitionFor(string typeId) => $"holders:{typeId}";
}
