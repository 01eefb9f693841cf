using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Imports;
using FuncLabel.Data.Storage;
using FuncLabel.Data.Work;
using Microsoft.Extensions.Azure;

namespace FuncLabel.Functions.Hosting;

/// <summary>
/// Registers the SDK's <see cref="BlobServiceClient"/> and <see cref="QueueServiceClient"/> once, with
/// <c>AddAzureClients</c>, from the Functions host's own storage setting <c>AzureWebJobsStorage</c>, and the blob
/// stores built on them.
/// </summary>
/// <remarks>
/// Either a connection string with an account key (Azurite: <c>UseDevelopmentStorage=true</c> or the explicit-endpoint
/// form the emulator script writes), or the identity-based form the Functions host also reads:
/// <c>AzureWebJobsStorage__accountName</c>, or <c>__blobServiceUri</c> and <c>__queueServiceUri</c>, authenticated with
/// <see cref="DefaultAzureCredential"/> (managed identity in Azure; <c>__clientId</c> selects a user-assigned identity).
/// The credential is the clients' shared one (<see cref="AzureClientFactoryBuilder.UseCredential(Azure.Core.TokenCredential)"/>),
/// so a host can replace it the same way. One of the two forms is required: uploads, ingestion and exports need
/// storage, so start-up fails with a clear message rather than with an endpoint that cannot bind its services.
/// Queue clients write base64 messages (<see cref="QueueMessageFormat"/>), as host.json's queue trigger reads them.
/// </remarks>
internal static class StorageRegistration
{
    public const string SettingName = "AzureWebJobsStorage";

    public static IServiceCollection AddFuncLabelStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SettingName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            var connectionString = section.Value;
            services.AddAzureClients(clients =>
            {
                clients.AddBlobServiceClient(connectionString);
                clients.AddQueueServiceClient(connectionString).ConfigureOptions(options => QueueMessageFormat.Options(options));
            });
        }
        else if (section["accountName"] is { Length: > 0 } || section["blobServiceUri"] is { Length: > 0 })
        {
            var account = section["accountName"];
            var blobUri = new Uri(section["blobServiceUri"] ?? $"https://{account}.blob.core.windows.net");
            var queueUri = new Uri(section["queueServiceUri"] ?? $"https://{account}.queue.core.windows.net");
            var clientId = section["clientId"];
            services.AddAzureClients(clients =>
            {
                clients.AddBlobServiceClient(blobUri);
                clients.AddQueueServiceClient(queueUri).ConfigureOptions(options => QueueMessageFormat.Options(options));
                clients.UseCredential(new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId }));
            });
        }
        else
        {
            throw new InvalidOperationException(
                $"Configure {SettingName}: a connection string (UseDevelopmentStorage=true locally) or {SettingName}__accountName for the managed identity.");
        }

        services.AddSingleton<BlobUrlSigner>();
        services.AddSingleton<AssetContentStore>();
        services.AddSingleton<ImportFileStore>();
        services.AddSingleton<ExportFileStore>();
        services.AddSingleton<IHealthProbe, BlobHealthProbe>();
        services.AddSingleton<IHealthProbe, QueueHealthProbe>();
        return services;
    }
}
