using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Ledger;
using FuncLabel.Domain.Serialization;
using FuncLabel.Functions.Credentials;
using FuncLabel.Functions.Ingestion;
using FuncLabel.Functions.Ontologies;
using FuncLabel.Functions.Outbox;
using FuncLabel.Functions.Projects;
using FuncLabel.Functions.Reports;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Training;
using FuncLabel.Functions.Validation;
using FuncLabel.Functions.Work;

namespace FuncLabel.Functions.Hosting;

/// <summary>
/// The app's one composition root: the shared pieces (HTTP, JSON, authentication, Cosmos DB, storage, the ledger)
/// registered here, then each feature's own <c>Add&lt;Feature&gt;</c> (docs/architecture.md, "Feature folders").
/// </summary>
internal static class ServiceRegistration
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
        services.AddSingleton<LedgerStore>();
        services.AddSingleton<MemberCache>();
        services.AddOutbox();

        services.AddProjects();
        services.AddOntologies();
        services.AddIngestion();
        services.AddWork(configuration);
        services.AddCredentials();
        services.AddTraining();
        services.AddReports(configuration);
        return services;
    }
}
