using FuncLabel.Data.Work;
using FuncLabel.Functions.Ingestion;

namespace FuncLabel.Functions.Work;

/// <summary>
/// The work feature: jobs, task serving, the fan-out, consensus and exports. Configuration section <c>Work</c>: <c>QueuePrefix</c>
/// (tests give each app its own queues) and <c>ClaimSeed</c> (seeded claim randomness).
/// </summary>
internal static class WorkRegistration
{
    public static IServiceCollection AddWork(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Work");
        services.AddSingleton(WorkQueues.WithPrefix(section["QueuePrefix"] ?? ""));
        services.AddSingleton(new TaskRandom(int.TryParse(section["ClaimSeed"], System.Globalization.CultureInfo.InvariantCulture, out var seed) ? seed : null));
        services.AddSingleton<JobStore>();
        services.AddSingleton<WorkStore>();
        services.AddSingleton<TaskLabelStore>();
        services.AddSingleton<ExportStore>();
        services.AddSingleton<JobCache>();
        services.AddSingleton<WorkCreation>();
        services.AddSingleton<ConsensusRunner>();
        services.AddSingleton<TaskFanOut>();
        services.AddSingleton<PrelabelUseLookup>();
        services.AddScoped<LaunchPager>();
        services.AddScoped<ExportBuilder>();
        services.AddScoped<JobServices>();
        services.AddScoped<TaskServices>();
        services.AddScoped<IAssetRegistrationListener, WorkForAssets>();

        // Queue-trigger classes, also resolved by tests that deliver messages themselves.
        services.AddScoped<TaskEventsFunction>();
        services.AddScoped<JobLaunchFunction>();
        return services;
    }
}
