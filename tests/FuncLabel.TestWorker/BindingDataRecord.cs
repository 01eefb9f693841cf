using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.TestWorker;

/// <summary>The trigger metadata the worker received (its binding data), as JSON text per key, for the tests to compare.</summary>
internal static class BindingDataRecord
{
    public static JsonObject From(FunctionContext context)
    {
        var data = new JsonObject();
        foreach (var (name, value) in context.BindingContext.BindingData)
        {
            data[name] = value?.ToString();
        }

        return data;
    }
}
