namespace FuncLabel.LocalHost.App;

/// <summary>What starts a function: the trigger binding of its function.json, with <c>%Setting%</c> references resolved.</summary>
internal abstract record TriggerBinding(string Name)
{
    /// <summary>The trigger type as function.json spells it, for the start-up listing.</summary>
    public abstract string Type { get; }
}

/// <summary>An <c>httpTrigger</c>: the raw request is forwarded to the custom handler (§1.7) or the worker's ASP.NET Core server.</summary>
internal sealed record HttpTriggerBinding(string Name, string Route, IReadOnlyList<string> Methods) : TriggerBinding(Name)
{
    public override string Type => "httpTrigger";
}

/// <summary>A <c>queueTrigger</c>; <paramref name="Binary"/> is <c>dataType: binary</c> (base64 in the payload).</summary>
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

/// <summary>An output binding the local host writes from the handler's <c>Outputs</c> (§1.5).</summary>
internal abstract record OutputBinding(string Name);

/// <summary>The <c>http</c> output of a forwarded HTTP function: the handler's raw response.</summary>
internal sealed record HttpOutputBinding(string Name) : OutputBinding(Name);

/// <summary>A <c>queue</c> output: each value becomes one message on <paramref name="QueueName"/>.</summary>
internal sealed record QueueOutputBinding(string Name, string QueueName, string Connection, bool Binary) : OutputBinding(Name);

/// <summary>A <c>blob</c> output: the value becomes the blob at <paramref name="Path"/> (<c>container/name</c>, may hold <c>{…}</c> expressions).</summary>
internal sealed record BlobOutputBinding(string Name, string Path, string Connection, bool Binary) : OutputBinding(Name);
