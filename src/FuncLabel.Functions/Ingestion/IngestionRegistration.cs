using FuncLabel.Data.Assets;
using FuncLabel.Data.Imports;

namespace FuncLabel.Functions.Ingestion;

/// <summary>
/// The ingestion feature: upload URLs, asset registration from blob events, pre-label imports and the asset routes.
/// The blob stores it writes through are registered with the storage clients (<see cref="Hosting.StorageRegistration"/>).
/// </summary>
internal static class IngestionRegistration
{
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddScoped<UploadServices>();
        services.AddSingleton<AssetStore>();
        services.AddSingleton<PrelabelStore>();
        services.AddSingleton<ImportStore>();
        services.AddSingleton<IngestionErrors>();
        services.AddScoped<AssetIngestion>();
        services.AddScoped<PrelabelImporter>();
        services.AddSingleton<StalledImports>();
        services.AddSingleton<AssetContentAccess>();
        return services;
    }
}
