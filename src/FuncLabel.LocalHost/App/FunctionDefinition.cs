namespace FuncLabel.LocalHost.App;

/// <summary>One function of the app folder: its folder name, its trigger and its output bindings.</summary>
internal sealed record FunctionDefinition(string Name, TriggerBinding Trigger, IReadOnlyList<OutputBinding> Outputs)
{
    /// <summary>
    /// True for the one shape the host forwards as a raw HTTP request: exactly one <c>httpTrigger</c> input and one
    /// <c>http</c> output, with forwarding enabled in host.json (docs/local-host.md, Forwarded or invoked).
    /// </summary>
    public bool IsForwardedHttp => Trigger is HttpTriggerBinding && Outputs is [HttpOutputBinding];
}
