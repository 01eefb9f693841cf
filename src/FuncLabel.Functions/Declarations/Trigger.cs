namespace FuncLabel.Functions.Declarations;

/// <summary>What starts a function. Each kind knows the <c>function.json</c> binding the Functions host needs for it.</summary>
public abstract record Trigger
{
    /// <summary>The binding name: the key of the trigger value in an invocation's <c>Data</c>.</summary>
    public abstract string BindingName { get; }
}

/// <summary>
/// The single forwarded HTTP function: route <c>{*path}</c>, every method, anonymous at the host
/// (ASP.NET Core authenticates), only the <c>$return</c> http output so the host forwards the raw request.
/// </summary>
public sealed record HttpCatchAllTrigger : Trigger
{
    public const string Route = "{*path}";

    public static readonly IReadOnlyList<string> Methods = ["get", "post", "put", "patch", "delete", "head", "options"];

    public override string BindingName => "req";
}

/// <summary>A storage-queue trigger. Messages arrive base64-decoded (host.json <c>messageEncoding</c>) and as binary.</summary>
public sealed record QueueTrigger(string QueueName, string Connection = QueueTrigger.DefaultConnection) : Trigger
{
    public const string DefaultConnection = "AzureWebJobsStorage";

    public override string BindingName => "message";
}

/// <summary>A timer trigger with a 6-field NCRONTAB schedule (UTC) or a <c>%AppSetting%</c> naming one.</summary>
public sealed record TimerTrigger(string Schedule, bool RunOnStartup = false, bool UseMonitor = true) : Trigger
{
    public override string BindingName => "timer";
}
