using System.Buffers.Text;
using System.Text.Json;

namespace FuncLabel.Domain.Ingestion;

/// <summary>
/// The fields of an Event Grid <c>Microsoft.Storage.BlobCreated</c> event that ingestion uses.
/// </summary>
/// <param name="Id">The event id (stable across redeliveries of the same event).</param>
/// <param name="Container">From the subject <c>/blobServices/default/containers/{container}/blobs/{name}</c>.</param>
/// <param name="BlobName">The blob name inside the container (may contain <c>/</c>).</param>
/// <param name="ETag">The blob's ETag when the event was raised (<c>data.eTag</c>), if given.</param>
/// <param name="ContentLength">The blob's size when the event was raised, if given.</param>
/// <param name="EventTime">When the blob was created.</param>
public sealed record BlobCreatedEvent(string Id, string Container, string BlobName, string? ETag, long? ContentLength, DateTimeOffset? EventTime);

/// <summary>Why a queue message yielded no event.</summary>
public enum BlobEventProblem
{
    /// <summary>Neither JSON nor base64 of JSON.</summary>
    NotJson,

    /// <summary>JSON, but not an Event Grid event (or array of events).</summary>
    NotAnEvent,

    /// <summary>An event of another type (e.g. <c>BlobDeleted</c>); ignored.</summary>
    OtherEventType,

    /// <summary>A subject that does not name a blob.</summary>
    BadSubject,
}

/// <summary>The events in one queue message, and what could not be read.</summary>
public sealed record BlobEventBatch(IReadOnlyList<BlobCreatedEvent> Events, IReadOnlyList<BlobEventProblem> Problems);

/// <summary>
/// Reads the Event Grid events of a storage-queue message.
/// </summary>
/// <remarks>
/// Event Grid's storage-queue handler writes one event per message, and observed deliveries are base64 of the JSON,
/// but older documentation and other producers write plain JSON (docs/local-host.md). So: if the text parses as JSON
/// it is used as is, else it is base64-decoded and parsed. Both a single event object and an array of events (the
/// Event Grid HTTP batch form) are accepted. Only <c>Microsoft.Storage.BlobCreated</c> events are returned; blob
/// names in subjects are taken literally (Event Grid does not URL-encode them).
/// </remarks>
public static class BlobEventParser
{
    public const string BlobCreatedType = "Microsoft.Storage.BlobCreated";
    private const string SubjectPrefix = "/blobServices/default/containers/";

    public static BlobEventBatch Parse(ReadOnlySpan<byte> message)
    {
        var json = message.Trim(" \t\r\n"u8);
        if (json.IsEmpty || (json[0] is not ((byte)'{' or (byte)'[')))
        {
            var decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(json.Length)];
            if (Base64.DecodeFromUtf8(json, decoded, out _, out var written) != System.Buffers.OperationStatus.Done)
            {
                return new BlobEventBatch([], [BlobEventProblem.NotJson]);
            }

            json = decoded.AsSpan(0, written).Trim(" \t\r\n"u8);
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return new BlobEventBatch([], [BlobEventProblem.NotJson]);
        }

        using (document)
        {
            var events = new List<BlobCreatedEvent>();
            var problems = new List<BlobEventProblem>();
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in root.EnumerateArray())
                {
                    Read(item, events, problems);
                }
            }
            else
            {
                Read(root, events, problems);
            }

            return new BlobEventBatch(events, problems);
        }
    }

    /// <summary>Splits <c>/blobServices/default/containers/{container}/blobs/{name}</c>; null when it is not that shape.</summary>
    public static (string Container, string BlobName)? ParseSubject(string subject)
    {
        if (!subject.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = subject.AsSpan(SubjectPrefix.Length);
        var slash = rest.IndexOf("/blobs/", StringComparison.Ordinal);
        if (slash <= 0 || slash + 7 >= rest.Length)
        {
            return null;
        }

        return (rest[..slash].ToString(), rest[(slash + 7)..].ToString());
    }

    private static void Read(JsonElement item, List<BlobCreatedEvent> events, List<BlobEventProblem> problems)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !TryString(item, "id", out var id)
            || !TryString(item, "subject", out var subject)
            || !TryString(item, "eventType", out var type))
        {
            problems.Add(BlobEventProblem.NotAnEvent);
            return;
        }

        if (type != BlobCreatedType)
        {
            problems.Add(BlobEventProblem.OtherEventType);
            return;
        }

        if (ParseSubject(subject) is not { } blob)
        {
            problems.Add(BlobEventProblem.BadSubject);
            return;
        }

        string? etag = null;
        long? length = null;
        if (item.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            etag = TryString(data, "eTag", out var e) ? e : null;
            length = data.TryGetProperty("contentLength", out var l) && l.TryGetInt64(out var n) ? n : null;
        }

        DateTimeOffset? time = item.TryGetProperty("eventTime", out var t) && t.ValueKind == JsonValueKind.String && t.TryGetDateTimeOffset(out var at) ? at : null;
        events.Add(new BlobCreatedEvent(id, blob.Container, blob.BlobName, etag, length, time));
    }

    private static bool TryString(JsonElement item, string name, out string value)
    {
        value = item.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() ?? "" : "";
        return value.Length > 0;
    }
}
