namespace FuncLabel.Data;

/// <summary>
/// The one definition of FuncLabel's storage queues, blob containers and blob-created event subscriptions
/// (docs/architecture.md, Storage names). The function declarations, the infrastructure (infra/main.bicep, checked by
/// FuncLabel.Infra.Tests against the compiled ARM JSON) and the local blob watcher's <c>blobwatcher.json</c> (checked
/// by the same tests, since the local host may not depend on this project) all agree with these names.
/// </summary>
internal static class StorageNames
{
    /// <summary>The app setting (prefix) of the storage account every trigger and client uses.</summary>
    public const string Connection = "AzureWebJobsStorage";

    /// <summary>The suffix the Functions host appends to a queue's name for messages that exhausted <c>maxDequeueCount</c>.</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>The queue a trigger's failed messages move to: <paramref name="queue"/> + <c>-poison</c>.</summary>
    public static string PoisonOf(string queue) => queue + PoisonSuffix;

    /// <summary>Storage queues. Each has a <see cref="PoisonOf">poison twin</see>.</summary>
    public static class Queues
    {
        /// <summary>Task state changes that fan out to review selection and consensus.</summary>
        public const string TaskEvents = "task-events";

        /// <summary>Job launches: work items created for every asset of the project.</summary>
        public const string JobLaunch = "job-launch";

        public static IReadOnlyList<string> All { get; } = [TaskEvents, JobLaunch];
    }

    /// <summary>Blob containers. The app never writes into a container that triggers work (<c>assets</c>, <c>prelabels</c>).</summary>
    public static class BlobContainers
    {
        /// <summary>Uploaded assets under <c>{projectId}/{path}</c>.</summary>
        public const string Assets = "assets";

        /// <summary>Uploaded pre-label files under <c>{projectId}/{importId}.ndjson</c>.</summary>
        public const string Prelabels = "prelabels";

        /// <summary>Import error files.</summary>
        public const string Imports = "imports";

        /// <summary>Label exports (NDJSON, COCO JSON).</summary>
        public const string Exports = "exports";

        /// <summary>Scheduled reports under <c>{projectId|org}/{yyyy-MM-dd}/</c>.</summary>
        public const string Reports = "reports";

        public static IReadOnlyList<string> All { get; } = [Assets, Prelabels, Imports, Exports, Reports];
    }

    /// <summary>
    /// Blob-created events delivered to the blob-triggered functions' webhook: Event Grid system-topic subscriptions in
    /// Azure, the local host's blob watcher on a laptop.
    /// </summary>
    public static IReadOnlyList<BlobEventSubscription> BlobEventSubscriptions { get; } =
    [
        new("assets-created", BlobContainers.Assets, "assetUploaded", SubjectEndsWith: null),
        new("prelabels-ndjson-created", BlobContainers.Prelabels, "prelabelUploaded", SubjectEndsWith: ".ndjson"),
    ];
}

/// <summary>
/// <c>Microsoft.Storage.BlobCreated</c> events of one container, optionally only for subjects ending in
/// <paramref name="SubjectEndsWith"/>, delivered to the blob-triggered <paramref name="Function"/> (its webhook,
/// <c>/runtime/webhooks/blobs?functionName=Host.Functions.{Function}</c>). The subject of a blob event is
/// <c>/blobServices/default/containers/{container}/blobs/{path}</c>, so the container filter is the subject prefix
/// <see cref="SubjectBeginsWith"/>.
/// </summary>
internal sealed record BlobEventSubscription(string Name, string Container, string Function, string? SubjectEndsWith)
{
    public string SubjectBeginsWith => $"/blobServices/default/containers/{Container}/";
}
