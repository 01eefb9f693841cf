using System.Globalization;
using Azure.Storage.Blobs;
using FuncLabel.Data;
using FuncLabel.Functions.Ingestion;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.Functions.Ingestion;

/// <summary>
/// Blob trigger (Event Grid source) on <c>prelabels</c>: each <c>{projectId}/{importId}.ndjson</c> file is imported by
/// <see cref="PrelabelImporter"/>, streamed line by line through the bound <see cref="BlobClient"/>. Other names are
/// left alone (the Event Grid subscription only sends <c>.ndjson</c>; a direct delivery may send anything).
/// </summary>
/// <remarks>
/// A run that throws fails the invocation, so the host delivers the blob again (the Functions host retries a blob
/// trigger from its internal blob-trigger queue up to host.json's <c>extensions.blobs.poisonBlobThreshold</c>, then moves
/// it to <c>webjobs-blobtrigger-poison</c>).
/// The worker is not told which delivery it runs, so the import record counts them (<c>deliveries</c>): the run that
/// throws on the last allowed delivery first marks the import failed with the error
/// (<see cref="PrelabelImporter.GiveUpAsync"/>). Azure applies the
/// <c>AzureFunctionsJobHost__extensions__blobs__poisonBlobThreshold</c> app setting over host.json, and the same setting
/// reaches the worker; without it the default equals host.json's value.
/// </remarks>
internal sealed class PrelabelUploadedFunction(PrelabelImporter importer, IConfiguration configuration, ILogger<PrelabelUploadedFunction> logger)
{
    public const string Name = "prelabelUploaded";

    public const string MaxDequeueCountSetting = "AzureFunctionsJobHost:extensions:blobs:poisonBlobThreshold";

    /// <summary>host.json's <c>extensions.blobs.poisonBlobThreshold</c> (checked by a test).</summary>
    public const int DefaultMaxDequeueCount = 5;

    [Function(Name)]
    public async Task Run(
        [BlobTrigger(StorageNames.BlobContainers.Prelabels + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageNames.Connection)] BlobClient blob,
        CancellationToken cancellationToken)
    {
        if (await BlobCreatedEvent.OfAsync(blob, cancellationToken) is not { } upload)
        {
            logger.LogInformation("{Blob} no longer exists", blob.Name);
            return;
        }

        var run = await importer.ImportAsync(upload, blob, configuration.GetValue(MaxDequeueCountSetting, DefaultMaxDequeueCount), cancellationToken);
        logger.LogInformation("{Outcome}", run.Skipped
            ? $"import {run.ImportId}: nothing to do"
            : string.Create(CultureInfo.InvariantCulture, $"import {run.ImportId} {run.State}: {run.Counts.Lines} lines, {run.Counts.Accepted} accepted, {run.Counts.ToReview} to review, {run.Counts.Dropped} dropped, {run.Counts.Rejected} rejected, {run.Counts.Pending} pending in {run.Elapsed.TotalSeconds:F1} s"));
    }
}
