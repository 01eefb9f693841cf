using FuncLabel.Data.Reports;

namespace FuncLabel.Functions.Reports;

/// <summary>
/// The reports feature: the report routes, the timers and the publisher behind both. Settings (section
/// <c>Reports</c>): <c>PeriodDays</c> (default 1) and <c>ExpiringWithinDays</c> (default 14); the timers' schedules are
/// app settings referenced from their <c>[TimerTrigger]</c> (<c>%Reports__CredentialReportSchedule%</c> and the like),
/// which the Functions host (or the local host) resolves.
/// </summary>
internal static class ReportRegistration
{
    public const string SectionName = "Reports";

    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var options = new ReportOptions(
            section.GetValue<int?>(nameof(ReportOptions.PeriodDays)) ?? ReportOptions.Default.PeriodDays,
            section.GetValue<int?>(nameof(ReportOptions.ExpiringWithinDays)) ?? ReportOptions.Default.ExpiringWithinDays);
        services.AddSingleton(options);
        services.AddSingleton<ReportInputs>();
        services.AddSingleton<ReportBlobStore>();
        services.AddSingleton<ReportBuildStore>();
        services.AddSingleton<ReportPublisher>();
        services.AddScoped<ReportServices>();
        services.AddSingleton<ReportTimer>();
        services.AddScoped<CredentialReportFunction>();
        services.AddScoped<ExamReportFunction>();
        services.AddScoped<QualityReportFunction>();
        return services;
    }
}
