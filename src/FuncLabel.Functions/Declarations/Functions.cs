using FuncLabel.Functions.Triggers;

namespace FuncLabel.Functions.Declarations;

/// <summary>Every function of the FuncLabel app. Add a queue or timer function here and nowhere else.</summary>
public static class Functions
{
    /// <summary>The forwarded catch-all HTTP function: ASP.NET Core owns routing under <c>/api</c>.</summary>
    public const string HttpFunctionName = "httpApi";

    public static IReadOnlyList<FunctionDeclaration> All { get; } =
    [
        FunctionDeclaration.Http(HttpFunctionName),

        // Every two minutes: entries younger than OutboxSweep.MinimumAge belong to the request still performing them.
        FunctionDeclaration.Timer<OutboxSweepFunction>("outboxSweep", "0 */2 * * * *"),
        // Report timers: schedules are app settings (infra/main.bicep: daily at 02:00, 02:15, 02:30 UTC), resolved by
        // the Functions host or the local host; each run builds the previous UTC day (docs/reports.md).
        FunctionDeclaration.Timer<CredentialReportFunction>("credentialReport", "%" + ReportSchedules.Credentials + "%"),
        FunctionDeclaration.Timer<ExamReportFunction>("examReport", "%" + ReportSchedules.Exams + "%"),
        FunctionDeclaration.Timer<QualityReportFunction>("qualityReport", "%" + ReportSchedules.Quality + "%"),
        FunctionDeclaration.Queue<TaskEventsFunction>("taskEvents", Data.StorageNames.Queues.TaskEvents),
        FunctionDeclaration.Queue<JobLaunchFunction>("jobLaunch", Data.StorageNames.Queues.JobLaunch),
        FunctionDeclaration.Queue<AssetEventsFunction>("assetEvents", Data.StorageNames.Queues.AssetEvents),
        FunctionDeclaration.Queue<PrelabelEventsFunction>("prelabelEvents", Data.StorageNames.Queues.PrelabelEvents),
    ];
}
