using Azure.Storage.Blobs;
using FuncLabel.Data;

namespace FuncLabel.Functions.Hosting;

/// <summary>Lists at most one container: the cheapest call that proves the endpoint answers and the credential is accepted.</summary>
internal sealed class BlobHealthProbe(BlobServiceClient blobs) : IHealthProbe
{
    public string Name => "blob";

    public Task<ProbeResult> ProbeAsync(CancellationToken cancellationToken) =>
        StorageProbe.RunAsync(token => StorageProbe.FirstPageAsync(blobs.GetBlobContainersAsync(cancellationToken: token), token), cancellationToken);
}
