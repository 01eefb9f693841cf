using FuncLabel.Data;
using FuncLabel.Storage;

namespace FuncLabel.Functions.Hosting;

public sealed class BlobHealthProbe(BlobServiceClient blobs) : IHealthProbe
{
    public string Name => "blob";

    public Task<ProbeResult> ProbeAsync(CancellationToken cancellationToken) => StorageProbe.RunAsync(blobs.ProbeAsync, cancellationToken);
}
