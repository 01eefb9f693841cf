using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FuncLabel.TestWorker;

/// <summary>
/// Event Grid blob triggers: <c>Asset</c> binds a <see cref="BlobClient"/> and reads the blob itself; <c>Prelabel</c>
/// binds a <see cref="Stream"/> on <c>{name}.ndjson</c> and counts its lines. A blob whose name contains <c>fail</c>
/// makes the invocation fail, so tests see the webhook answer an error.
/// </summary>
public sealed class BlobFunctions(Records records, ILogger<BlobFunctions> logger)
{
    [Function("Asset")]
    public async Task Asset(
        [BlobTrigger("%AssetContainer%/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient blob, string name, FunctionContext context)
    {
        await using var content = await blob.OpenReadAsync(cancellationToken: context.CancellationToken);
        var (length, sha256) = await HashAsync(content, context.CancellationToken);
        logger.LogInformation("Asset {Name}: {Length} bytes", name, length);
        var record = new JsonObject
        {
            ["name"] = name,
            ["blobName"] = blob.Name,
            ["container"] = blob.BlobContainerName,
            ["length"] = length,
            ["sha256"] = sha256,
            ["metadata"] = BindingDataRecord.From(context),
        };
        if (name.Contains("fail", StringComparison.Ordinal))
        {
            records.Write("Asset", "failed", record);
            throw new InvalidOperationException($"failing on purpose for {name}");
        }

        records.Write("Asset", "succeeded", record);
    }

    [Function("Prelabel")]
    public async Task Prelabel(
        [BlobTrigger("%PrelabelContainer%/{name}.ndjson", Source = BlobTriggerSource.EventGrid)] Stream content, string name, FunctionContext context)
    {
        using var reader = new StreamReader(content);
        var lines = 0;
        while (await reader.ReadLineAsync(context.CancellationToken) is not null)
        {
            lines++;
        }

        records.Write("Prelabel", "succeeded", new JsonObject { ["name"] = name, ["lines"] = lines, ["metadata"] = BindingDataRecord.From(context) });
    }

    private static async Task<(long Length, string Sha256)> HashAsync(Stream content, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            length += read;
        }

        return (length, Convert.ToHexString(sha.GetHashAndReset()));
    }
}
