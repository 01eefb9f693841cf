using System.Text.Json.Nodes;
using FuncLabel.LocalHost.Timers;

namespace FuncLabel.LocalHost.Invocation;

/// <summary>
/// What fired a queue, timer or blob invocation, as plain values; <see cref="Worker.WorkerInvocation"/> turns them
/// into the worker's input data and trigger metadata.
/// </summary>
internal abstract record TriggerInput;

/// <summary>A queue message: its decoded bytes and text and the properties the trigger exposes as metadata.</summary>
internal sealed record QueueTriggerInput(
    byte[] Body,
    string Text,
    string MessageId,
    string PopReceipt,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset ExpiresOn,
    DateTimeOffset NextVisibleOn) : TriggerInput;

/// <summary>A timer occurrence: the recorded schedule status (monitored timers) and whether the run is past due.</summary>
internal sealed record TimerTriggerInput(ScheduleStatus? Status, bool IsPastDue, DateTimeOffset Occurrence) : TriggerInput;

/// <summary>
/// A created blob, announced by an Event Grid <c>BlobCreated</c> event: where it is (the worker reads it itself), the
/// values the trigger path's parameters captured, and its properties and metadata.
/// </summary>
internal sealed record BlobTriggerInput(
    string Connection,
    string Container,
    string BlobName,
    Uri Uri,
    IReadOnlyDictionary<string, string> Parameters,
    JsonObject Properties,
    JsonObject Metadata) : TriggerInput;
