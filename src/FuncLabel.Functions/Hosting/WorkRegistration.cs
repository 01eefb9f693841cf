using FuncLabel.Data.Work;
using FuncLabel.Functions.Apis;
using FuncLabel.Functions.Ingestion;
using FuncLabel.Functions.Work;

namespace FuncLabel.Functions.Hosting;

/// <summary>
/// Jobs, task serving, the fan-out, consensus and exports. Configuration section <c>Work</c>: <c>QueuePrefix</c>
/// (tests give each app its own queues) and <c>ClaimSeed</c> (seeded claim randomness).
/// </summary>
public static class WorkRegistration
{
    public static IServiceCollection AddFuncLabelWork(this IServiceCollection services, IConfiguration configuration)
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
        return services;
    }
}
