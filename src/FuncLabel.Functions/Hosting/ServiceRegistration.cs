using FuncLabel.Data.Catalog;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Credentials;
using FuncLabel.Data.Ledger;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Projects;
using FuncLabel.Data.Training;
using FuncLabel.Data.Users;
using FuncLabel.Domain.Serialization;
using FuncLabel.Functions.Apis;
using FuncLabel.Functions.Apis.Credentials;
using FuncLabel.Functions.Apis.Reports;
using FuncLabel.Functions.Apis.Training;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;

namespace FuncLabel.Functions.Hosting;

/// <summary>Every service the app uses, registered once.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddFuncLabel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddSingleton(Http.HttpFunctionCatalog.Instance);
        services.AddHostedService<Http.HttpFunctionCatalogCheck>();
        services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, Http.PreflightRouting>();
        services.AddFuncLabelCors(configuration);
        services.ConfigureHttpJsonOptions(o =>
        {
            FuncLabelJson.Configure(o.SerializerOptions);
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });
        services.AddSingleton(TimeProvider.System);

        services.AddFuncLabelAuthentication(configuration.GetSection(AuthSettings.SectionName).Get<AuthSettings>() ?? new AuthSettings());
        services.AddSingleton(configuration.GetSection(RequestLimitSettings.SectionName).Get<RequestLimitSettings>() ?? new RequestLimitSettings());

        var cosmos = configuration.GetSection(CosmosSettings.SectionName).Get<CosmosSettings>() ?? new CosmosSettings();
        services.AddSingleton(cosmos);
        services.AddSingleton(_ => new CosmosDatabase(cosmos));
        services.AddSingleton<CosmosBootstrap>();
        services.AddHostedService(provider => provider.GetRequiredService<CosmosBootstrap>());
        services.AddSingleton<IHealthProbe, CosmosHealthProbe>();
        services.AddFuncLabelStorage(configuration);

        services.AddSingleton<OutboxFaults>();
        services.AddSingleton<OutboxRelay>();
        services.AddSingleton<StateWriter>();
        services.AddSingleton<OutboxSweep>();
        services.AddSingleton<ProjectStore>();
        services.AddSingleton<Security.MemberCache>();
        services.AddSingleton<CatalogStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<LedgerStore>();
        services.AddScoped<ProjectServices>();
        services.AddScoped<UploadServices>();
        services.AddFuncLabelWork(configuration);
        services.AddSingleton<Data.Ontologies.OntologyStore>();
        services.AddSingleton<Data.Assets.AssetStore>();
        services.AddSingleton<Data.Assets.PrelabelStore>();
        services.AddSingleton<Data.Imports.ImportStore>();
        services.AddSingleton<Ingestion.IngestionErrors>();
        services.AddScoped<Ingestion.AssetIngestion>();
        services.AddScoped<Ingestion.PrelabelImporter>();
        services.AddSingleton<Ingestion.StalledImports>();
        services.AddSingleton<CredentialStore>();
        services.AddSingleton<CredentialGate>();
        services.AddSingleton<Apis.Credentials.ClaimGate>();
        services.AddScoped<CredentialServices>();
        services.AddSingleton<TrainingStore>();
        services.AddSingleton<TraineeStore>();
        services.AddScoped<TemplateSources>();
        services.AddSingleton<Apis.Training.TrainingAssetAccess>();
        services.AddSingleton<Apis.AssetContentAccess>();
        services.AddScoped<TrainingServices>();
        services.AddFuncLabelReports(configuration);

        // Trigger function classes, also resolved by tests that deliver messages themselves.
        services.AddScoped<Triggers.TaskEventsFunction>();
        services.AddScoped<Triggers.JobLaunchFunction>();
        services.AddScoped<Triggers.OutboxSweepFunction>();

        return services;
    }
}
