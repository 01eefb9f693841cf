namespace FuncLabel.Functions.Reports;

/// <summary>The app settings holding the report timers' NCRONTAB schedules (6 fields, UTC).</summary>
internal static class ReportSchedules
{
    public const string Credentials = "Reports__CredentialReportSchedule";

    public const string Exams = "Reports__ExamReportSchedule";

    public const string Quality = "Reports__QualityReportSchedule";

    /// <summary>The schedules infra/main.bicep sets: daily, a quarter of an hour apart so the runs do not overlap.</summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>
    {
        [Credentials] = "0 0 2 * * *",
        [Exams] = "0 15 2 * * *",
        [Quality] = "0 30 2 * * *",
    };
}
