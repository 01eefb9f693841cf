using FuncLabel.Data;
using FuncLabel.Storage;

namespace FuncLabel.Functions.Hosting;

public sealed class QueueHealthProbe(QueueServiceClient queues) : IHealthProbe
{
    public string Name => "queue";

    public Task<ProbeResult> ProbeAsync(CancellationToken cancellationToken) => StorageProbe.RunAsync(queues.ProbeAsync, cancellationToken);
}
