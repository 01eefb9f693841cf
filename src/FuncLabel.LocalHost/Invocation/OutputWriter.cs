using System.Collections.Concurrent;
using Azure;
using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Queues;
using FuncLabel.LocalHost.Storage;

namespace FuncLabel.LocalHost.Invocation;

/// <summary>
/// Writes a successful invocation's queue and blob outputs (docs/local-host.md, Outputs): the values the worker returned
/// for each output binding (<see cref="Worker.WorkerOutputs"/>). Queue messages use host.json's <c>messageEncoding</c>;
/// blob paths resolve their <c>{…}</c> expressions from the trigger's binding data; queues and containers are created
/// on first use, as the host's bindings do.
/// </summary>
internal sealed class OutputWriter(StorageAccounts storage, QueueTriggerOptions queueOptions, QueueActivity activity, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, bool> _created = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes each queue and blob output for which <paramref name="values"/> gives bytes (one message per element for a
    /// queue; the first element is the blob). Null when every output was written; otherwise what could not be written.
    /// </summary>
    public async Task<string?> WriteAsync(InvocationRequest request, Func<OutputBinding, IReadOnlyList<byte[]>?> values, CancellationToken cancellationToken)
    {
        foreach (var output in request.Function.Outputs)
        {
            if (output is not (QueueOutputBinding or BlobOutputBinding) || values(output) is not { } value)
            {
                continue;
            }

            try
            {
                switch (output)
                {
                    case QueueOutputBinding queue:
                        await WriteMessagesAsync(queue, value, cancellationToken);
                        break;
                    case BlobOutputBinding blob:
                        var path = BindingExpression.Resolve(blob.Path, request.Function.Name, request.BindingData, time.GetUtcNow(), out var unknown);
                        if (path is null)
                        {
                            return $"output '{blob.Name}': no value for {{{unknown}}} in '{blob.Path}'";
                        }

                        if (path.Split('/', 2) is not [{ Length: > 0 } container, { Length: > 0 } name])
                        {
                            return $"output '{blob.Name}': '{path}' is not container/blob";
                        }

                        await WriteBlobAsync(blob.Connection, container, name, value.Count > 0 ? value[0] : [], cancellationToken);
                        break;
                }
            }
            catch (Exception e) when (StorageFailure.IsStorage(e))
            {
                return $"output '{output.Name}': storage failed ({StorageFailure.Describe(e)})";
            }
        }

        return null;
    }

    private async Task WriteMessagesAsync(QueueOutputBinding output, IReadOnlyList<byte[]> messages, CancellationToken cancellationToken)
    {
        var queue = storage.Queues(output.Connection).GetQueueClient(output.QueueName);
        if (_created.TryAdd("q:" + output.Connection + ":" + output.QueueName, true))
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var message in messages)
        {
            await queue.SendMessageAsync(QueueWireText.Encode(message, queueOptions.Base64), cancellationToken: cancellationToken);
            activity.MessageAdded(output.QueueName);
        }
    }

    private async Task WriteBlobAsync(string connection, string containerName, string blobName, byte[] content, CancellationToken cancellationToken)
    {
        var container = storage.Blobs(connection).GetBlobContainerClient(containerName);
        if (_created.TryAdd("c:" + connection + ":" + containerName, true))
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        await container.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(content), overwrite: true, cancellationToken);
    }
}
