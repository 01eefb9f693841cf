using System.Text.Json.Nodes;
using FuncLabel.LocalHost.App;

namespace FuncLabel.LocalHost.Blobs;

/// <summary>
/// <c>blobwatcher.json</c>, next to host.json: the local twin of the Event Grid subscriptions the infrastructure
/// declares. Each subscription watches one container, filters blob subjects like Event Grid
/// (<c>subjectBeginsWith</c>, <c>subjectEndsWith</c>, case-insensitive unless <c>isSubjectCaseSensitive</c>) and delivers
/// <c>Microsoft.Storage.BlobCreated</c> events either to a queue (<c>queue</c>) or to an Event Grid blob trigger through
/// the blob extension's webhook (<c>function</c>, the function's name).
/// </summary>
/// <example>
/// <code>
/// { "pollingInterval": "00:00:01",
///   "subscriptions": [ { "name": "prelabels-ndjson", "container": "prelabels", "subjectEndsWith": ".ndjson", "queue": "prelabel-events" } ] }
/// </code>
/// </example>
internal sealed record BlobWatcherConfig(TimeSpan PollingInterval, IReadOnlyList<BlobSubscription> Subscriptions)
{
    public const string FileName = "blobwatcher.json";
    public static readonly TimeSpan DefaultPollingInterval = TimeSpan.FromSeconds(1);

    public static BlobWatcherConfig? Read(string path, AppSettings settings, List<string> problems)
    {
        if (!JsonConfig.TryReadFile(path, problems, out var root))
        {
            return null;
        }

        var subscriptions = new List<BlobSubscription>();
        foreach (var item in (root.Child("subscriptions") as JsonArray ?? []).OfType<JsonNode>())
        {
            var name = item.Text("name");
            var container = Resolve(item, "container", settings, problems, path);
            var queue = Resolve(item, "queue", settings, problems, path);
            var function = item.Text("function");
            if (string.IsNullOrWhiteSpace(name) || container is null || (queue is null) == string.IsNullOrWhiteSpace(function))
            {
                problems.Add($"{path}: every subscription needs a name, a container, and either a queue or a function.");
                continue;
            }

            var encoding = item.Text("messageEncoding") ?? "base64";
            subscriptions.Add(new BlobSubscription(
                name,
                container.ToLowerInvariant(),
                queue?.ToLowerInvariant(),
                item.Text("connection") ?? AppFolder.DefaultConnection,
                new SubjectFilter(item.Text("subjectBeginsWith"), item.Text("subjectEndsWith"), item.Flag("isSubjectCaseSensitive") ?? false),
                !encoding.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                Function = string.IsNullOrWhiteSpace(function) ? null : function,
            });
        }

        if (subscriptions.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != subscriptions.Count)
        {
            problems.Add($"{path}: subscription names must be unique (receipts are kept per subscription).");
        }

        var interval = root.Duration("pollingInterval") ?? DefaultPollingInterval;
        return new BlobWatcherConfig(interval < TimeSpan.FromMilliseconds(50) ? TimeSpan.FromMilliseconds(50) : interval, subscriptions);
    }

    private static string? Resolve(JsonNode item, string property, AppSettings settings, List<string> problems, string path)
    {
        if (item.Text(property) is not { Length: > 0 } raw)
        {
            return null;
        }

        var value = settings.Resolve(raw, out var missing);
        if (value is null)
        {
            problems.Add($"{path}: '{property}' refers to the app setting '{missing}', which is not set.");
        }

        return value;
    }
}

/// <summary>
/// One watched container and where its events go: a <paramref name="Queue"/> (<paramref name="Base64"/>: the event JSON
/// is base64 on the queue, as Event Grid writes it today) or a blob-triggered <see cref="Function"/>.
/// </summary>
internal sealed record BlobSubscription(string Name, string Container, string? Queue, string Connection, SubjectFilter Filter, bool Base64)
{
    /// <summary>The Event Grid blob trigger the events are posted to (the blob extension's webhook), instead of a queue.</summary>
    public string? Function { get; init; }

    /// <summary>Where the events go, for the log.</summary>
    public string Target => Function is { } function ? $"function '{function}'" : $"queue '{Queue}'";
}
