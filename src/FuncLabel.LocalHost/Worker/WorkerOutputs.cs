using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Worker.Rpc;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// The bytes each output binding writes from a worker's <c>InvocationResponse</c>: <c>$return</c> is
/// <c>return_value</c>, other names come from <c>output_data</c>. Text is written as its UTF-8 bytes, bytes unchanged,
/// JSON as its text. For a queue output a collection (or a JSON array) is one message per element, as the host's queue
/// binding adds each item of an array; a blob output takes one value.
/// </summary>
internal static class WorkerOutputs
{
    /// <summary>The values for <paramref name="binding"/>; null when the function gave none (nothing is written).</summary>
    public static IReadOnlyList<byte[]>? For(OutputBinding binding, InvocationResponse response)
    {
        var data = binding.Name == "$return"
            ? response.ReturnValue
            : response.OutputData.FirstOrDefault(o => string.Equals(o.Name, binding.Name, StringComparison.OrdinalIgnoreCase))?.Data;
        if (data is null || data.DataCase == TypedData.DataOneofCase.None)
        {
            return null;
        }

        return binding is QueueOutputBinding ? Messages(data) : [Single(data)];
    }

    private static IReadOnlyList<byte[]> Messages(TypedData data) => data.DataCase switch
    {
        TypedData.DataOneofCase.CollectionString => data.CollectionString.String.Select(Encoding.UTF8.GetBytes).ToList(),
        TypedData.DataOneofCase.CollectionBytes => data.CollectionBytes.Bytes.Select(b => b.ToByteArray()).ToList(),
        TypedData.DataOneofCase.CollectionDouble => data.CollectionDouble.Double.Select(d => Text(d.ToString("R", CultureInfo.InvariantCulture))).ToList(),
        TypedData.DataOneofCase.CollectionSint64 => data.CollectionSint64.Sint64.Select(n => Text(n.ToString(CultureInfo.InvariantCulture))).ToList(),
        TypedData.DataOneofCase.Json when JsonNode.Parse(data.Json) is JsonArray items => items.Select(Element).ToList(),
        _ => [Single(data)],
    };

    private static byte[] Single(TypedData data) => data.DataCase switch
    {
        TypedData.DataOneofCase.String => Text(data.String),
        TypedData.DataOneofCase.Json => Text(data.Json),
        TypedData.DataOneofCase.Bytes => data.Bytes.ToByteArray(),
        TypedData.DataOneofCase.Stream => data.Stream.ToByteArray(),
        TypedData.DataOneofCase.Int => Text(data.Int.ToString(CultureInfo.InvariantCulture)),
        TypedData.DataOneofCase.Double => Text(data.Double.ToString("R", CultureInfo.InvariantCulture)),
        _ => throw new WorkerOutputException($"a {data.DataCase} value cannot be written to a single output"),
    };

    private static byte[] Element(JsonNode? item) =>
        item is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String
            ? Text(scalar.GetValue<string>())
            : Text(item?.ToJsonString() ?? "null");

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
}

/// <summary>An output value the host cannot write (e.g. a collection for a blob).</summary>
internal sealed class WorkerOutputException(string message) : Exception(message);
