namespace FuncLabel.LocalHost.App;

/// <summary>One function of the app, as the worker reported it: its name, its trigger and its output bindings.</summary>
internal sealed record FunctionDefinition(string Name, TriggerBinding Trigger, IReadOnlyList<OutputBinding> Outputs);
