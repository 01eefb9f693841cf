using FuncLabel.Domain.Credentials;

namespace FuncLabel.Domain.Reports;

/// <summary>
/// Builds a <see cref="CredentialReport"/> from the <c>org</c> ledger days of the period and the holder index.
/// </summary>
/// <remarks>
/// <para><b>Grants and revocations</b> are the <c>credential.granted</c> / <c>credential.revoked</c> events whose time
/// lies in the period (the ledger is the only place earlier grants survive).</para>
/// <para><b>Expirations</b> have no event — a credential lapses by the clock — so they come from the holder index: a
/// current credential whose <c>expiresAt</c> lies in the period and that was not revoked before then. A credential
/// renewed before it lapsed carries the new expiry and so rightly does not count.</para>
/// <para><b>Active</b> and <b>expiring soon</b> are judged at <c>AsOf</c> = the end of the period with
/// <see cref="CredentialValidity.StatusAt"/>, the rule claim-time gating uses. The holder index is current state, so a
/// rebuild of a past day reports today's holders as of that day's end (a later revocation or renewal shows).</para>
/// <para><b>Project scope</b> keeps only users in <c>members</c>; <c>null</c> members means the organisation-wide report.</para>
/// </remarks>
public static class CredentialReportBuilder
{
    public const int DefaultExpiringWithinDays = 14;

    public static CredentialReport Build(
        string scope,
        ReportPeriod period,
        DateTimeOffset generatedAt,
        IEnumerable<CredentialTypeInfo> types,
        IEnumerable<CredentialState> holders,
        IEnumerable<ReportEvent> events,
        IReadOnlySet<string>? members,
        int expiringWithinDays = DefaultExpiringWithinDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expiringWithinDays);
        var asOf = period.End;
        bool InScope(string userId) => members is null || members.Contains(userId);

        var states = holders.Where(h => InScope(h.UserId)).ToList();
        var rows = new List<CredentialEventRow>();
        foreach (var e in events.Where(e => period.Contains(e.At)))
        {
            if (e.Text("userId") is not { } userId || e.Text("typeId") is not { } typeId || !InScope(userId))
            {
                continue;
            }

            if (e.Action == "credential.granted")
            {
                var source = e.Text("source") == "offline" ? GrantSource.Offline : GrantSource.ExamAttempt;
                rows.Add(new CredentialEventRow(e.At, CredentialEventKind.Granted, typeId, userId, e.Actor, Source: source, ExpiresAt: e.Time("expiresAt")));
            }
            else if (e.Action == "credential.revoked")
            {
                rows.Add(new CredentialEventRow(e.At, CredentialEventKind.Revoked, typeId, userId, e.Actor, Reason: e.Text("reason")));
            }
        }

        foreach (var state in states)
        {
            if (state.ExpiresAt is { } expires && period.Contains(expires) && state.IssuedAt < expires && !(state.RevokedAt is { } revoked && revoked < expires))
            {
                rows.Add(new CredentialEventRow(expires, CredentialEventKind.Expired, state.TypeId, state.UserId, "system", ExpiresAt: expires));
            }
        }

        rows.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : CompareRows(a, b));

        var known = types.GroupBy(t => t.TypeId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var typeId in rows.Select(r => r.TypeId).Concat(states.Select(s => s.TypeId)).Where(id => !known.ContainsKey(id)).ToList())
        {
            known[typeId] = new CredentialTypeInfo(typeId, typeId, null);
        }

        var active = states.Where(s => CredentialValidity.StatusAt(s.IssuedAt, s.ExpiresAt, s.RevokedAt, asOf) == CredentialStatus.Valid).ToList();
        var windowEnd = asOf.AddDays(expiringWithinDays);
        var expiring = active
            .Where(s => s.ExpiresAt is { } x && x < windowEnd)
            .Select(s => new ExpiringCredential(
                s.TypeId, known[s.TypeId].Name, s.UserId, s.ExpiresAt!.Value, WeekOf(s.ExpiresAt.Value), (int)Math.Floor((s.ExpiresAt.Value - asOf).TotalDays)))
            .OrderBy(x => x.ExpiresAt).ThenBy(x => x.TypeId, StringComparer.Ordinal).ThenBy(x => x.UserId, StringComparer.Ordinal)
            .ToList();

        var summaries = known.Values.OrderBy(t => t.TypeId, StringComparer.Ordinal).Select(t =>
        {
            var holdersOfType = active.Where(s => s.TypeId == t.TypeId).OrderBy(s => s.UserId, StringComparer.Ordinal)
                .Select(s => new CredentialHolder(s.UserId, s.IssuedAt, s.ExpiresAt, s.Source)).ToList();
            return new CredentialTypeSummary(
                t.TypeId,
                t.Name,
                t.ValidityDays,
                rows.Count(r => r.TypeId == t.TypeId && r.Kind == CredentialEventKind.Granted),
                rows.Count(r => r.TypeId == t.TypeId && r.Kind == CredentialEventKind.Revoked),
                rows.Count(r => r.TypeId == t.TypeId && r.Kind == CredentialEventKind.Expired),
                holdersOfType.Count,
                holdersOfType);
        }).ToList();

        var totals = new CredentialTotals(
            rows.Count(r => r.Kind == CredentialEventKind.Granted),
            rows.Count(r => r.Kind == CredentialEventKind.Revoked),
            rows.Count(r => r.Kind == CredentialEventKind.Expired),
            active.Count,
            expiring.Count);
        return new CredentialReport(
            scope, period.To, period, asOf, generatedAt, expiringWithinDays, totals, summaries, rows, expiring, Weeks(asOf, windowEnd, expiring));
    }

    /// <summary>The Monday (UTC) of the week holding <paramref name="at"/>.</summary>
    public static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var sinceMonday = ((int)day.DayOfWeek + 6) % 7;
        return day.AddDays(-sinceMonday);
    }

    /// <summary>Every week touching <c>[asOf, windowEnd)</c>, zeros included, so a chart shows the whole window.</summary>
    private static List<ExpiringWeek> Weeks(DateTimeOffset asOf, DateTimeOffset windowEnd, List<ExpiringCredential> expiring)
    {
        var weeks = new List<ExpiringWeek>();
        if (windowEnd <= asOf)
        {
            return weeks;
        }

        var last = WeekOf(windowEnd.AddTicks(-1));
        for (var week = WeekOf(asOf); week <= last; week = week.AddDays(7))
        {
            weeks.Add(new ExpiringWeek(week, expiring.Count(x => x.WeekStarting == week)));
        }

        return weeks;
    }

    private static int CompareRows(CredentialEventRow a, CredentialEventRow b)
    {
        var byKind = a.Kind.CompareTo(b.Kind);
        if (byKind != 0)
        {
            return byKind;
        }

        var byType = string.CompareOrdinal(a.TypeId, b.TypeId);
        return byType != 0 ? byType : string.CompareOrdinal(a.UserId, b.UserId);
    }
}
