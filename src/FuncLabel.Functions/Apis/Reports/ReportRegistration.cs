using FuncLabel.Data.Reports;

namespace FuncLabel.Functions.Apis.Reports;

/// <summary>
/// Registers the report services. Settings (section <c>Reports</c>): <c>PeriodDays</c> (default 1) and
/// <c>ExpiringWithinDays</c> (default 14); the timers' schedules are app settings referenced from their function.json
/// (<c>%Reports__CredentialReportSchedule%</c> and the like), which the Functions host (or the local host) resolves.
/// </summary>
public static class ReportRegistration
{
    public const string SectionName = "Reports";

    public static IServiceCollection AddFuncLabelReports(this IServiceCollection services, IConfiguration configuration)
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
        services.AddSingleton<Triggers.ReportTimer>();
        services.AddScoped<Triggers.CredentialReportFunction>();
        services.AddScoped<Triggers.ExamReportFunction>();
        services.AddScoped<Triggers.QualityReportFunction>();
        return services;
    }
}
