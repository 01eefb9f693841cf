using FuncLabel.Data.Training;

namespace FuncLabel.Functions.Training;

/// <summary>The training feature: templates, practice, exams and attempts.</summary>
internal static class TrainingRegistration
{
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddSingleton<TrainingStore>();
        services.AddSingleton<TraineeStore>();
        services.AddScoped<TemplateSources>();
        services.AddSingleton<TrainingAssetAccess>();
        services.AddScoped<TrainingServices>();
        return services;
    }
}
