using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace FuncLabel.LocalHost.Timers;

/// <summary>
/// Reads and writes <see cref="ScheduleStatus"/> blobs (docs/local-host.md, Timer triggers; the extension's <c>StorageScheduleMonitor</c>):
/// <c>azure-webjobs-hosts/timers/{hostId}/{timerName}/status</c> holding <c>{"Last":…,"Next":…,"LastUpdated":…}</c>,
/// where the timer name of a script function is <c>Host.Functions.{FunctionName}</c>.
/// </summary>
internal sealed class ScheduleStatusStore(BlobServiceClient blobs, string hostId)
{
    public const string Container = "azure-webjobs-hosts";
    private bool _containerReady;

    public static string BlobName(string hostId, string functionName) => $"timers/{hostId}/Host.Functions.{functionName}/status";

    public async Task<ScheduleStatus?> ReadAsync(string functionName, CancellationToken cancellationToken)
    {
        try
        {
            var content = (await Blob(functionName).DownloadContentAsync(cancellationToken)).Value.Content;
            var json = JsonNode.Parse(content.ToString());
            return json is null ? null : new ScheduleStatus(Time(json["Last"]), Time(json["Next"]), Time(json["LastUpdated"]));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            // An unreadable status is treated like none: the host writes a fresh one.
            return null;
        }
    }

    public async Task WriteAsync(string functionName, ScheduleStatus status, CancellationToken cancellationToken)
    {
        if (!_containerReady)
        {
            await blobs.GetBlobContainerClient(Container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _containerReady = true;
        }

        var json = new JsonObject
        {
            ["Last"] = Iso(status.Last),
            ["Next"] = Iso(status.Next),
            ["LastUpdated"] = Iso(status.LastUpdated),
        };
        await Blob(functionName).UploadAsync(BinaryData.FromString(json.ToJsonString()), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);
    }

    /// <summary>ISO 8601 with offset and whole seconds, e.g. <c>2024-01-01T10:00:00+00:00</c>.</summary>
    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private BlobClient Blob(string functionName) => blobs.GetBlobContainerClient(Container).GetBlobClient(BlobName(hostId, functionName));

    private static DateTimeOffset Time(JsonNode? node) =>
        DateTimeOffset.Parse(node?.GetValue<string>() ?? throw new FormatException("missing time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
