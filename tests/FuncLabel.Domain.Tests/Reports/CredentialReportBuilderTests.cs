using FuncLabel.Domain.Reports;
using static FuncLabel.Domain.Tests.Reports.LedgerSeed;

namespace FuncLabel.Domain.Tests.Reports;

public sealed class CredentialReportBuilderTests
{
    private static readonly CredentialTypeInfo[] Types =
    [
        new("med", "Medical", 365),
        new("box", "Boxes", 30),
        new("zzz", "Unused", null),
    ];

    // Day 2026-03-10 (a Tuesday); AsOf = 2026-03-11T00:00; the 14-day window ends 2026-03-25T00:00 (exclusive).
    private static readonly CredentialState[] Holders =
    [
        new("med", "alice", At("2025-04-01T00:00"), At("2026-03-15T12:00"), null, GrantSource.Offline),         // active, expiring in 4.5 days
        new("med", "bob", At("2026-03-10T09:00"), At("2027-03-10T09:00"), null, GrantSource.ExamAttempt),       // granted today
        new("med", "carol", At("2025-03-01T00:00"), At("2026-03-10T08:00"), null, GrantSource.ExamAttempt),     // expired today
        new("box", "dave", At("2026-02-20T00:00"), At("2026-03-22T00:00"), null, GrantSource.ExamAttempt),      // active, expiring in 11 days
        new("box", "erin", At("2026-02-15T00:00"), At("2026-03-17T00:00"), At("2026-03-10T10:00"), GrantSource.ExamAttempt), // revoked today
        new("box", "frank", At("2026-01-01T00:00"), At("2026-03-10T12:00"), At("2026-03-05T00:00"), GrantSource.Offline),   // revoked before it expired
        new("box", "gina", At("2026-02-25T00:00"), At("2026-03-25T00:00"), null, GrantSource.ExamAttempt),      // active, just outside the window
    ];

    private static readonly ReportEvent[] Events =
    [
        Event("2026-03-09T23:00", "credential:zed:med", "credential.granted", "system", ("userId", "zed"), ("typeId", "med"), ("source", "exam_attempt")),
        Event("2026-03-10T09:00", "credential:bob:med", "credential.granted", "system",
            ("userId", "bob"), ("typeId", "med"), ("grantId", "attempt:x:med"), ("source", "exam_attempt"), ("expiresAt", "2027-03-10T09:00:00.0000000+00:00")),
        Event("2026-03-10T10:00", "credential:erin:box", "credential.revoked", "admin1", ("userId", "erin"), ("typeId", "box"), ("reason", "left team")),
        Event("2026-03-10T11:00", "credential-type:zzz", "credential_type.created", "admin1", ("typeId", "zzz")),
    ];

    [Fact]
    public void Build_OrgWide_CountsEveryFigure()
    {
        var report = CredentialReportBuilder.Build("org", Day("2026-03-10"), Generated, Types, Holders, Events, members: null);

        Assert.Equal("org", report.Scope);
        Assert.Equal(new DateOnly(2026, 3, 10), report.Day);
        Assert.Equal(At("2026-03-11T00:00"), report.AsOf);
        Assert.Equal(14, report.ExpiringWithinDays);
        Assert.Equal(new CredentialTotals(Grants: 1, Revocations: 1, Expirations: 1, ActiveHolders: 4, ExpiringSoon: 2), report.Totals);

        Assert.Collection(
            report.Events,
            e => Assert.Equal(new CredentialEventRow(At("2026-03-10T08:00"), CredentialEventKind.Expired, "med", "carol", "system", ExpiresAt: At("2026-03-10T08:00")), e),
            e => Assert.Equal(new CredentialEventRow(At("2026-03-10T09:00"), CredentialEventKind.Granted, "med", "bob", "system", GrantSource.ExamAttempt, ExpiresAt: At("2027-03-10T09:00")), e),
            e => Assert.Equal(new CredentialEventRow(At("2026-03-10T10:00"), CredentialEventKind.Revoked, "box", "erin", "admin1", Reason: "left team"), e));

        Assert.Equal(["box", "med", "zzz"], report.Types.Select(t => t.TypeId));
        var box = report.Types[0];
        Assert.Equal(("Boxes", 30, 0, 1, 0, 2), (box.Name, box.ValidityDays!.Value, box.Grants, box.Revocations, box.Expirations, box.ActiveHolderCount));
        Assert.Equal(["dave", "gina"], box.ActiveHolders.Select(h => h.UserId));
        var med = report.Types[1];
        Assert.Equal((1, 0, 1, 2), (med.Grants, med.Revocations, med.Expirations, med.ActiveHolderCount));
        Assert.Equal(new CredentialHolder("alice", At("2025-04-01T00:00"), At("2026-03-15T12:00"), GrantSource.Offline), med.ActiveHolders[0]);
        Assert.Equal(new CredentialHolder("bob", At("2026-03-10T09:00"), At("2027-03-10T09:00"), GrantSource.ExamAttempt), med.ActiveHolders[1]);
        var unused = report.Types[2];
        Assert.Equal((0, 0, 0, 0, null), (unused.Grants, unused.Revocations, unused.Expirations, unused.ActiveHolderCount, unused.ValidityDays));
        Assert.Empty(unused.ActiveHolders);

        Assert.Equal(
            [
                new ExpiringCredential("med", "Medical", "alice", At("2026-03-15T12:00"), new DateOnly(2026, 3, 9), 4),
                new ExpiringCredential("box", "Boxes", "dave", At("2026-03-22T00:00"), new DateOnly(2026, 3, 16), 11),
            ],
            report.ExpiringSoon);
        Assert.Equal(
            [new ExpiringWeek(new DateOnly(2026, 3, 9), 1), new ExpiringWeek(new DateOnly(2026, 3, 16), 1), new ExpiringWeek(new DateOnly(2026, 3, 23), 0)],
            report.ExpiringByWeek);
    }

    [Fact]
    public void Build_ProjectScope_KeepsOnlyMembers()
    {
        var members = new HashSet<string>(["alice", "bob", "erin"], StringComparer.Ordinal);
        var report = CredentialReportBuilder.Build("proj-a", Day("2026-03-10"), Generated, Types, Holders, Events, members);

        Assert.Equal(new CredentialTotals(Grants: 1, Revocations: 1, Expirations: 0, ActiveHolders: 2, ExpiringSoon: 1), report.Totals);
        Assert.Equal([CredentialEventKind.Granted, CredentialEventKind.Revoked], report.Events.Select(e => e.Kind));
        Assert.Equal([("box", 0, 1, 0), ("med", 1, 0, 2), ("zzz", 0, 0, 0)], report.Types.Select(t => (t.TypeId, t.Grants, t.Revocations, t.ActiveHolderCount)));
        Assert.Equal(["alice"], report.ExpiringSoon.Select(x => x.UserId));
        Assert.Equal([1, 0, 0], report.ExpiringByWeek.Select(w => w.Count));
    }

    [Fact]
    public void Build_EmptyDay_HasZerosEverywhere()
    {
        var report = CredentialReportBuilder.Build("org", Day("2026-03-10"), Generated, [new CredentialTypeInfo("med", "Medical", 365)], [], [], members: null);

        Assert.Equal(new CredentialTotals(0, 0, 0, 0, 0), report.Totals);
        Assert.Empty(report.Events);
        Assert.Empty(report.ExpiringSoon);
        var med = Assert.Single(report.Types);
        Assert.Equal((0, 0, 0, 0), (med.Grants, med.Revocations, med.Expirations, med.ActiveHolderCount));
        Assert.Equal([0, 0, 0], report.ExpiringByWeek.Select(w => w.Count));
    }

    [Fact]
    public void Build_OnlyRevocations_CountsThemAndNoHolders()
    {
        CredentialState[] holders =
        [
            new("med", "alice", At("2026-01-01T00:00"), At("2026-12-01T00:00"), At("2026-03-10T07:00"), GrantSource.Offline),
            new("med", "bob", At("2026-01-01T00:00"), null, At("2026-03-10T16:30"), GrantSource.Offline),
        ];
        ReportEvent[] events =
        [
            Event("2026-03-10T07:00", "credential:alice:med", "credential.revoked", "admin1", ("userId", "alice"), ("typeId", "med"), ("reason", "fraud")),
            Event("2026-03-10T16:30", "credential:bob:med", "credential.revoked", "admin2", ("userId", "bob"), ("typeId", "med"), ("reason", "moved")),
        ];

        var report = CredentialReportBuilder.Build("org", Day("2026-03-10"), Generated, [new CredentialTypeInfo("med", "Medical", null)], holders, events, members: null);

        Assert.Equal(new CredentialTotals(Grants: 0, Revocations: 2, Expirations: 0, ActiveHolders: 0, ExpiringSoon: 0), report.Totals);
        Assert.Equal([("alice", "fraud", "admin1"), ("bob", "moved", "admin2")], report.Events.Select(e => (e.UserId, e.Reason!, e.Actor)));
        Assert.All(report.Events, e => Assert.Equal(CredentialEventKind.Revoked, e.Kind));
        Assert.Equal((0, 2, 0, 0), (report.Types[0].Grants, report.Types[0].Revocations, report.Types[0].Expirations, report.Types[0].ActiveHolderCount));
    }

    [Fact]
    public void Build_LongerPeriod_ReadsEveryDayOfIt()
    {
        var report = CredentialReportBuilder.Build("org", ReportPeriod.Ending(new DateOnly(2026, 3, 10), 2), Generated, Types, Holders, Events, members: null);

        Assert.Equal(2, report.Totals.Grants);
        Assert.Equal(new DateOnly(2026, 3, 9), report.Period.From);
    }

    [Fact]
    public void WeekOf_IsTheMonday()
    {
        Assert.Equal(new DateOnly(2026, 3, 9), CredentialReportBuilder.WeekOf(At("2026-03-15T23:59")));
        Assert.Equal(new DateOnly(2026, 3, 16), CredentialReportBuilder.WeekOf(At("2026-03-16T00:00")));
    }
}
