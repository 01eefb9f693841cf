using FuncLabel.Data.Cosmos;
using FuncLabel.Domain.Serialization;
using FuncLabel.Functions.Declarations;

namespace FuncLabel.Functions.Hosting;

/// <summary>Every service the handler uses, registered once.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddFuncLabel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => FuncLabelJson.Configure(o.SerializerOptions));
        services.AddSingleton(TimeProvider.System);

        var cosmos = configuration.GetSection(CosmosSettings.SectionName).Get<CosmosSettings>() ?? new CosmosSettings();
        services.AddSingleton(cosmos);
        services.AddSingleton(_ => new CosmosDatabase(cosmos));
        services.AddHostedService<CosmosBootstrap>();
        services.AddSingleton<IHealthProbe, CosmosHealthProbe>();

        foreach (var function in Declarations.Functions.All.Where(f => f.Handler is not null))
        {
            services.AddScoped(function.Handler!);
        }

        return services;
    }
}
