using Azure;
using Azure.Core;
using FuncLabel.Storage.Pipeline;

namespace FuncLabel.Storage;

/// <summary>
/// The Queue service of one storage account: hands out queue clients. Thread-safe; create one per account and keep it.
/// </summary>
public sealed class QueueServiceClient
{
    private QueueServiceClient(Uri serviceUri, StoragePipeline pipeline)
    {
        Uri = serviceUri;
        Pipeline = pipeline;
    }

    /// <summary>Signs every request with the account key (SharedKey).</summary>
    public QueueServiceClient(Uri serviceUri, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
        : this(serviceUri, StoragePipeline.WithSharedKey(credential, options))
    {
    }

    /// <summary>Sends an Entra ID bearer token (scope <c>https://storage.azure.com/.default</c>); HTTPS endpoints only.</summary>
    public QueueServiceClient(Uri serviceUri, TokenCredential credential, StorageClientOptions? options = null)
        : this(serviceUri, StoragePipeline.WithToken(credential, options))
    {
    }

    /// <summary>From a connection string with an account key (see <c>docs/storage-client.md</c> for the accepted forms).</summary>
    public QueueServiceClient(string connectionString, StorageClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), options)
    {
    }

    private QueueServiceClient(StorageConnectionString parsed, StorageClientOptions? options)
        : this(parsed.QueueEndpoint, parsed.Credential, options)
    {
    }

    public Uri Uri { get; }

    internal StoragePipeline Pipeline { get; }

    public QueueClient GetQueueClient(string queueName) => new(this, queueName);

    /// <summary>Lists at most one queue: proves the endpoint answers and the credential is accepted (health endpoint).</summary>
    public async Task<Response> ProbeAsync(CancellationToken cancellationToken = default)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Get, Uri);
        message.Request.Uri.AppendQuery("comp", "list");
        message.Request.Uri.AppendQuery("maxresults", "1");
        return await Pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
    }
}
