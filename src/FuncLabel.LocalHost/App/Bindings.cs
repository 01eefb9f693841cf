namespace FuncLabel.LocalHost.App;

/// <summary>What starts a function: the trigger binding the worker reported, with <c>%Setting%</c> references resolved.</summary>
internal abstract record TriggerBinding(string Name)
{
    /// <summary>The trigger type as the binding schema spells it, for the start-up listing.</summary>
    public abstract string Type { get; }
}

/// <summary>An <c>httpTrigger</c>: the request is forwarded to the worker's ASP.NET Core server (<see cref="Http.WorkerHttpEndpoints"/>).</summary>
internal sealed record HttpTriggerBinding(string Name, string Route, IReadOnlyList<string> Methods) : TriggerBinding(Name)
{
    public override string Type => "httpTrigger";
}

/// <summary>A <c>queueTrigger</c>; <paramref name="Binary"/> is <c>dataType: binary</c> (the worker gets the message as bytes).</summary>
internal sealed record QueueTriggerBinding(string Name, string QueueName, string Connection, bool Binary) : TriggerBinding(Name)
{
    public override string Type => "queueTrigger";
}

/// <summary>A <c>timerTrigger</c>: NCRONTAB schedule in UTC, optional start-up run, optional schedule monitor.</summary>
internal sealed record TimerTriggerBinding(string Name, TimerSchedule Schedule, bool RunOnStartup, bool UseMonitor) : TriggerBinding(Name)
{
    public override string Type => "timerTrigger";
}

/// <summary>
/// A <c>blobTrigger</c> with <c>source: EventGrid</c>: invoked by Event Grid <c>BlobCreated</c> events posted to the blob
/// webhook, for blobs in <paramref name="Container"/> whose name matches <paramref name="Pattern"/>.
/// </summary>
internal sealed record BlobTriggerBinding(string Name, string Container, BlobNamePattern Pattern, string Connection) : TriggerBinding(Name)
{
    public override string Type => "blobTrigger";

    /// <summary>The binding's path as written, <c>container/pattern</c>.</summary>
    public string Path => $"{Container}/{Pattern}";
}

/// <summary>An output binding: the local host writes what the worker returned for it (<see cref="Invocation.OutputWriter"/>).</summary>
internal abstract record OutputBinding(string Name);

/// <summary>The <c>http</c> output of an HTTP function: the worker answers the forwarded request itself, so nothing is written.</summary>
internal sealed record HttpOutputBinding(string Name) : OutputBinding(Name);

/// <summary>A <c>queue</c> output: each value becomes one message on <paramref name="QueueName"/>.</summary>
internal sealed record QueueOutputBinding(string Name, string QueueName, string Connection, bool Binary) : OutputBinding(Name);

/// <summary>A <c>blob</c> output: the value becomes the blob at <paramref name="Path"/> (<c>container/name</c>, may hold <c>{…}</c> expressions).</summary>
internal sealed record BlobOutputBinding(string Name, string Path, string Connection, bool Binary) : OutputBinding(Name);
