using Azure.Identity;
using FuncLabel.Storage;
using FuncLabel.Storage.Sas;

namespace FuncLabel.Functions.Hosting;

/// <summary>
/// Registers the Blob and Queue clients from the Functions host's own storage setting, <c>AzureWebJobsStorage</c>.
/// </summary>
/// <remarks>
/// Either a connection string with an account key (Azurite: <c>UseDevelopmentStorage=true</c> or the explicit-endpoint
/// form the emulator script writes), or the identity-based form the Functions host also reads:
/// <c>AzureWebJobsStorage__accountName</c>, or <c>__blobServiceUri</c> and <c>__queueServiceUri</c>, authenticated with
/// <see cref="DefaultAzureCredential"/> (managed identity in Azure; <c>__clientId</c> selects a user-assigned identity).
/// One of the two is required: uploads, ingestion and exports need storage, so start-up fails with a clear message
/// rather than with an endpoint that cannot bind its services.
/// </remarks>
public static class StorageRegistration
{
    public const string SettingName = "AzureWebJobsStorage";

    public static IServiceCollection AddFuncLabelStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SettingName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            var connectionString = section.Value;
            services.AddSingleton(_ => new BlobServiceClient(connectionString));
            services.AddSingleton(_ => new QueueServiceClient(connectionString));
        }
        else if (section["accountName"] is { Length: > 0 } || section["blobServiceUri"] is { Length: > 0 })
        {
            var account = section["accountName"];
            var blobUri = new Uri(section["blobServiceUri"] ?? $"https://{account}.blob.core.windows.net");
            var queueUri = new Uri(section["queueServiceUri"] ?? $"https://{account}.queue.core.windows.net");
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = section["clientId"] });
            services.AddSingleton(_ => new BlobServiceClient(blobUri, credential));
            services.AddSingleton(_ => new QueueServiceClient(queueUri, credential));
        }
        else
        {
            throw new InvalidOperationException(
                $"Configure {SettingName}: a connection string (UseDevelopmentStorage=true locally) or {SettingName}__accountName for the managed identity.");
        }

        services.AddSingleton(provider => new SasUrlFactory(provider.GetRequiredService<BlobServiceClient>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IHealthProbe, BlobHealthProbe>();
        services.AddSingleton<IHealthProbe, QueueHealthProbe>();
        return services;
    }
}
