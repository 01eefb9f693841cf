using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using FuncLabel.LocalHost.App;

namespace FuncLabel.LocalHost.Storage;

/// <summary>
/// Storage clients per binding <c>connection</c>, resolved like the Functions host: the app setting named by the
/// connection, else <c>AzureWebJobs{connection}</c>. Queue clients use <see cref="QueueMessageEncoding.None"/>: the
/// local host reads and writes the raw <c>MessageText</c> itself, so it can apply host.json's <c>messageEncoding</c>,
/// send a failed message to the poison queue with exactly its original text, and spot text that is not base64.
/// </summary>
internal sealed class StorageAccounts(AppSettings settings)
{
    private readonly ConcurrentDictionary<string, (QueueServiceClient Queues, BlobServiceClient Blobs)> _clients = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The connection string for <paramref name="connection"/>, or null if neither setting exists.</summary>
    public string? ConnectionString(string connection) =>
        settings.Get(connection) is { Length: > 0 } direct ? direct
        : settings.Get($"AzureWebJobs{connection}") is { Length: > 0 } prefixed ? prefixed
        : null;

    public QueueServiceClient Queues(string connection) => Clients(connection).Queues;

    public BlobServiceClient Blobs(string connection) => Clients(connection).Blobs;

    private (QueueServiceClient Queues, BlobServiceClient Blobs) Clients(string connection) =>
        _clients.GetOrAdd(connection, name =>
        {
            var connectionString = ConnectionString(name)
                                   ?? throw new InvalidOperationException($"The storage connection '{name}' is not an app setting.");
            return (new QueueServiceClient(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }),
                new BlobServiceClient(connectionString));
        });
}
