namespace FuncLabel.Data.Credentials;

/// <summary>How a credential was obtained (serialised lower snake_case).</summary>
internal enum CredentialSourceKind
{
    /// <summary>Awarded by passing an exam attempt.</summary>
    ExamAttempt,

    /// <summary>Granted by an admin on evidence checked outside FuncLabel ("medical doctor, verified offline").</summary>
    Offline,
}

/// <summary>Where a grant came from: the exam attempt, or the admin and their evidence.</summary>
/// <param name="GrantedBy">The admin's user id, or <c>system</c> for exam awards.</param>
/// <param name="EvidenceBlobPath">A path in blob storage holding the evidence (offline grants), stored as given.</param>
internal sealed record CredentialSource(
    CredentialSourceKind Kind,
    string GrantedBy,
    string? ProjectId = null,
    string? ExamId = null,
    string? AttemptId = null,
    string? EvidenceNote = null,
    string? EvidenceBlobPath = null);
