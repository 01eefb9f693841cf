namespace FuncLabel.Domain.Reports.Html;

/// <summary>
/// The credential report as a page: headline counts; credentials expiring soon (a column per week of the window,
/// then the list, soonest first); active holders per type (bars, then the type table and each type's holders);
/// and the period's grants, revocations and expirations. Every chart is followed by a table of the same figures,
/// so nothing is only in a picture.
/// </summary>
internal static class CredentialReportHtml
{
    public static string Render(CredentialReport report)
    {
        var page = new HtmlPage($"Credential report · {ReportFormat.Scope(report.Scope)}", ReportFormat.Period(report.Period, report.GeneratedAt))
            .Paragraph($"Holders and expiry judged at {ReportFormat.Instant(report.AsOf)}.")
            .Figures([
                ("Grants", HtmlText.Count(report.Totals.Grants)),
                ("Revocations", HtmlText.Count(report.Totals.Revocations)),
                ("Expirations", HtmlText.Count(report.Totals.Expirations)),
                ("Active holders", HtmlText.Count(report.Totals.ActiveHolders)),
                ($"Expiring within {report.ExpiringWithinDays} days", HtmlText.Count(report.Totals.ExpiringSoon)),
            ]);
        Expiring(page, report);
        Holders(page, report);
        Events(page, report);
        return page.ToString();
    }

    private static void Expiring(HtmlPage page, CredentialReport report)
    {
        page.Section($"Expiring within {report.ExpiringWithinDays} days");
        if (report.ExpiringSoon.Count == 0)
        {
            page.Empty($"No active credential expires within {report.ExpiringWithinDays} days of {ReportFormat.Instant(report.AsOf)}.");
            return;
        }

        var weeks = report.ExpiringByWeek.Select(w => new ChartBar(ReportFormat.ShortDay(w.WeekStarting), w.Count, HtmlText.Count(w.Count))).ToArray();
        var spec = new ChartSpec("expiring-by-week", "Credentials expiring per week", "Week starting (Monday)", "Credentials",
            ChartScale.For(weeks.Select(w => w.Value), integers: true), t => HtmlText.Count((long)t));
        page.Charts([("Expiring credentials by week", VerticalBarChart.Render(spec, weeks))]);
        page.Table(HtmlTable.Render(
            "Expiring credentials, soonest first",
            [TableColumn.Name("Type"), TableColumn.Name("User"), TableColumn.Time("Expires"), TableColumn.Number("Days left")],
            report.ExpiringSoon.Select(e => new[] { e.TypeName, e.UserId, ReportFormat.Instant(e.ExpiresAt), HtmlText.Count(e.DaysLeft) })));
    }

    private static void Holders(HtmlPage page, CredentialReport report)
    {
        page.Section("Credential types and active holders");
        if (report.Types.Count == 0)
        {
            page.Empty("No credential types are defined.");
            return;
        }

        if (report.Totals.ActiveHolders > 0)
        {
            var bars = report.Types.Select(t => new ChartBar(t.Name, t.ActiveHolderCount, HtmlText.Count(t.ActiveHolderCount))).ToArray();
            var spec = new ChartSpec("active-holders", "Active holders per credential type", "Credential type", "Active holders",
                ChartScale.For(bars.Select(b => b.Value), integers: true), t => HtmlText.Count((long)t));
            page.Charts([("Active holders per type", HorizontalBarChart.Render(spec, bars))]);
        }

        page.Table(HtmlTable.Render(
            "Per credential type",
            [
                TableColumn.Name("Type"), TableColumn.Name("Name"), TableColumn.Text("Validity"), TableColumn.Number("Grants"),
                TableColumn.Number("Revocations"), TableColumn.Number("Expirations"), TableColumn.Number("Active holders"),
            ],
            report.Types.Select(t => new[]
            {
                t.TypeId, t.Name, t.ValidityDays is { } d ? $"{d} days" : "no expiry",
                HtmlText.Count(t.Grants), HtmlText.Count(t.Revocations), HtmlText.Count(t.Expirations), HtmlText.Count(t.ActiveHolderCount),
            })));

        foreach (var type in report.Types.Where(t => t.ActiveHolders.Count > 0))
        {
            page.Table(HtmlTable.Render(
                $"Active holders of {type.Name}",
                [TableColumn.Name("User"), TableColumn.Time("Issued"), TableColumn.Time("Expires"), TableColumn.Text("Source")],
                type.ActiveHolders.Select(h => new[]
                {
                    h.UserId, ReportFormat.Instant(h.IssuedAt), h.ExpiresAt is { } e ? ReportFormat.Instant(e) : "never", ReportFormat.EnumName(h.Source),
                })));
        }
    }

    private static void Events(HtmlPage page, CredentialReport report)
    {
        page.Section("Grants, revocations and expirations");
        if (report.Events.Count == 0)
        {
            page.Empty("No credential was granted, revoked or expired in this period.");
            return;
        }

        page.Table(HtmlTable.Render(
            "Events in the period, oldest first",
            [
                TableColumn.Time("When"), TableColumn.Text("Event"), TableColumn.Name("Type"), TableColumn.Name("User"),
                TableColumn.Name("By"), TableColumn.Text("Details"),
            ],
            report.Events.Select(e => new[]
            {
                ReportFormat.Instant(e.At), ReportFormat.EnumName(e.Kind), e.TypeId, e.UserId, e.Actor, Details(e),
            })));
    }

    private static string Details(CredentialEventRow row) => row.Kind switch
    {
        CredentialEventKind.Granted => string.Join("; ", new[]
        {
            row.Source is { } source ? ReportFormat.EnumName(source) : null,
            row.ExpiresAt is { } expires ? "expires " + ReportFormat.Instant(expires) : null,
        }.OfType<string>()),
        CredentialEventKind.Revoked => row.Reason ?? string.Empty,
        _ => string.Empty,
    };
}
