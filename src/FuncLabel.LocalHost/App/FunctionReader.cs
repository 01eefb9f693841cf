using System.Text.Json.Nodes;

namespace FuncLabel.LocalHost.App;

/// <summary>
/// Turns one function's bindings — the <c>raw_bindings</c> the worker reports — into a <see cref="FunctionDefinition"/>: exactly one trigger, output
/// bindings, no input bindings. Problems are collected; null when there were any.
/// </summary>
internal static class FunctionReader
{
    public static FunctionDefinition? Read(string name, IReadOnlyList<JsonNode> bindings, AppSettings settings, List<string> problems)
    {
        var problemsBefore = problems.Count;
        var reader = new BindingReader(name, settings, problems);
        TriggerBinding? trigger = null;
        var outputs = new List<OutputBinding>();
        foreach (var binding in bindings)
        {
            var type = binding.Text("type") ?? "";
            var direction = binding.Text("direction") ?? "";
            if (type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            {
                if (trigger is not null)
                {
                    problems.Add($"{name}: more than one trigger binding.");
                    continue;
                }

                trigger = reader.Trigger(type, binding);
            }
            else if (direction.Equals("out", StringComparison.OrdinalIgnoreCase))
            {
                if (reader.Output(type, binding) is { } output)
                {
                    outputs.Add(output);
                }
            }
            else
            {
                problems.Add($"{name}: the local host does not support '{type}' input bindings.");
            }
        }

        if (problems.Count > problemsBefore)
        {
            return null;
        }

        if (trigger is null)
        {
            problems.Add($"{name}: no trigger binding.");
            return null;
        }

        return new FunctionDefinition(name, trigger, outputs);
    }

    /// <summary><c>AzureWebJobs.&lt;name&gt;.Disabled = true</c> in the settings turns a function off, as in the real host.</summary>
    public static bool IsDisabledBySetting(string name, AppSettings settings) =>
        settings.Get($"AzureWebJobs.{name}.Disabled") is { } disabled && bool.TryParse(disabled, out var off) && off;
}
