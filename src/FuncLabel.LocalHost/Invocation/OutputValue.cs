using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FuncLabel.LocalHost.Invocation;

/// <summary>
/// The bytes an output binding writes for a value in the handler's <c>Outputs</c> (docs/local-host.md, Handler response and outputs).
/// With <c>dataType: binary</c> a string is used unchanged. Otherwise the host tries to base64-decode a string and
/// writes the decoded bytes if that works, else the text — so handlers send base64 of their bytes, and plain text
/// that happens to be valid base64 is decoded (the host's pitfall, kept on purpose). Objects are written as their
/// JSON text. For a queue output an array means one message per element, each element passed unchanged.
/// </summary>
internal static class OutputValue
{
    public static byte[] Bytes(JsonNode? value, bool binary) => value switch
    {
        null => [],
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => Decode(scalar.GetValue<string>(), binary),
        JsonValue scalar => Encoding.UTF8.GetBytes(scalar.ToJsonString()),
        _ => Encoding.UTF8.GetBytes(value.ToJsonString()),
    };

    public static IReadOnlyList<byte[]> Messages(JsonNode? value, bool binary) => value switch
    {
        null => [],
        JsonArray items => items.Select(Unchanged).ToList(),
        _ => [Bytes(value, binary)],
    };

    private static byte[] Unchanged(JsonNode? item) =>
        item is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String
            ? Encoding.UTF8.GetBytes(scalar.GetValue<string>())
            : Encoding.UTF8.GetBytes(item?.ToJsonString() ?? "null");

    private static byte[] Decode(string text, bool binary)
    {
        if (binary)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        var buffer = new byte[text.Length];
        return text.Length > 0 && Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : Encoding.UTF8.GetBytes(text);
    }
}
