using Azure.Storage.Queues;
using FuncLabel.Data;

namespace FuncLabel.Functions.Hosting;

/// <summary>Lists at most one queue: the cheapest call that proves the endpoint answers and the credential is accepted.</summary>
internal sealed class QueueHealthProbe(QueueServiceClient queues) : IHealthProbe
{
    public string Name => "queue";

    public Task<ProbeResult> ProbeAsync(CancellationToken cancellationToken) =>
        StorageProbe.RunAsync(token => StorageProbe.FirstPageAsync(queues.GetQueuesAsync(cancellationToken: token), token), cancellationToken);
}
