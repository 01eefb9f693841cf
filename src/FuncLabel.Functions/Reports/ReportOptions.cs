namespace FuncLabel.Functions.Reports;

/// <summary>
/// Report settings (app settings <c>Reports__PeriodDays</c>, <c>Reports__ExpiringWithinDays</c>). The period is the
/// number of whole UTC days a report covers, ending on its date (1 = daily); the expiring window is how far ahead the
/// credential report looks for credentials about to lapse.
/// </summary>
internal sealed record ReportOptions(int PeriodDays = 1, int ExpiringWithinDays = Domain.Reports.CredentialReportBuilder.DefaultExpiringWithinDays)
{
    public const int MaxPeriodDays = 31;

    public static ReportOptions Default { get; } = new();
}
