namespace FuncLabel.Domain.Reports;

/// <summary>
/// Who is certified, what changed in the period and who is about to lapse. <see cref="Scope"/> is a project id (the
/// report then covers that project's members only) or <c>org</c> (everyone). "Active" and "expiring soon" are judged at
/// <see cref="AsOf"/>, the end of the report's period, so a rebuild of a past day answers as that day would have.
/// </summary>
/// <param name="ExpiringWithinDays">The window of <see cref="ExpiringSoon"/>: credentials expiring in <c>[AsOf, AsOf + N days)</c>.</param>
/// <param name="Events">Every grant, revocation and expiration in the period, oldest first.</param>
/// <param name="Types">Every credential type, ordered by type id, with its figures (zeros included).</param>
/// <param name="ExpiringSoon">Active credentials expiring within the window, soonest first.</param>
/// <param name="ExpiringByWeek">One entry per week (Monday) of the window, holding the count of <see cref="ExpiringSoon"/> in it.</param>
public sealed record CredentialReport(
    string Scope,
    DateOnly Day,
    ReportPeriod Period,
    DateTimeOffset AsOf,
    DateTimeOffset GeneratedAt,
    int ExpiringWithinDays,
    CredentialTotals Totals,
    IReadOnlyList<CredentialTypeSummary> Types,
    IReadOnlyList<CredentialEventRow> Events,
    IReadOnlyList<ExpiringCredential> ExpiringSoon,
    IReadOnlyList<ExpiringWeek> ExpiringByWeek);

/// <summary>Counts over every type: events in the period, and active holders and expiring credentials at <c>AsOf</c>.</summary>
public sealed record CredentialTotals(int Grants, int Revocations, int Expirations, int ActiveHolders, int ExpiringSoon);

/// <summary>One credential type's figures and its active holders (ordered by user id).</summary>
/// <param name="ValidityDays">Days a grant stays valid; null = no expiry.</param>
public sealed record CredentialTypeSummary(
    string TypeId,
    string Name,
    int? ValidityDays,
    int Grants,
    int Revocations,
    int Expirations,
    int ActiveHolderCount,
    IReadOnlyList<CredentialHolder> ActiveHolders);

/// <summary>A user holding a valid credential at the report's <c>AsOf</c>.</summary>
/// <param name="ExpiresAt">Null when the type has no expiry.</param>
public sealed record CredentialHolder(string UserId, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt, GrantSource Source);

/// <summary>How a credential was obtained: by passing an exam attempt, or granted offline by an admin.</summary>
public enum GrantSource
{
    ExamAttempt,
    Offline,
}

/// <summary>What happened to a credential in the period.</summary>
public enum CredentialEventKind
{
    Granted,
    Revoked,

    /// <summary>The credential's <c>expiresAt</c> fell in the period and it was neither revoked nor renewed before.</summary>
    Expired,
}

/// <summary>One grant, revocation or expiration.</summary>
/// <param name="Actor">Who caused it (an admin, <c>system</c> for exam awards and expirations).</param>
/// <param name="Source">Grants only: exam attempt or offline.</param>
/// <param name="Reason">Revocations only: the reason given.</param>
public sealed record CredentialEventRow(
    DateTimeOffset At,
    CredentialEventKind Kind,
    string TypeId,
    string UserId,
    string Actor,
    GrantSource? Source = null,
    string? Reason = null,
    DateTimeOffset? ExpiresAt = null);

/// <summary>A valid credential that expires within the window.</summary>
/// <param name="WeekStarting">The Monday (UTC) of the week in which it expires.</param>
/// <param name="DaysLeft">Whole days from <c>AsOf</c> to <see cref="ExpiresAt"/>, rounded down.</param>
public sealed record ExpiringCredential(string TypeId, string TypeName, string UserId, DateTimeOffset ExpiresAt, DateOnly WeekStarting, int DaysLeft);

/// <summary>The number of credentials expiring in the week starting on <see cref="WeekStarting"/> (a Monday).</summary>
public sealed record ExpiringWeek(DateOnly WeekStarting, int Count);
