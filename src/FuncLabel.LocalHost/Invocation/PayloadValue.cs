using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FuncLabel.LocalHost.Invocation;

/// <summary>
/// The Functions host's conversion of binding values into the JSON invocation payload (docs/local-host.md, Invocation payload;
/// <c>GetHttpScriptInvocationContextValue</c>). Strings and numbers are serialised to JSON text and then sent as a
/// JSON string — <c>"abc"</c> arrives as <c>"\"abc\""</c>, <c>1</c> as <c>"1"</c> — which is what the real host does
/// (and what handlers must accept), not what its documentation shows. Bytes travel as base64; times are re-parsed
/// from their <c>ToString()</c>, so they arrive in ISO form with whole seconds.
/// </summary>
internal static class PayloadValue
{
    /// <summary>Newtonsoft (the host's serializer) leaves non-ASCII text unescaped; the relaxed encoder comes closest.</summary>
    public static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonNode Text(string value) => JsonValue.Create(JsonSerializer.Serialize(value, Relaxed));

    public static JsonNode Number(long value) => JsonValue.Create(value.ToString(CultureInfo.InvariantCulture));

    public static JsonNode Bytes(ReadOnlySpan<byte> value) => JsonValue.Create(Convert.ToBase64String(value));

    public static JsonNode Time(DateTimeOffset value) => JsonValue.Create(Iso(value));

    /// <summary>ISO 8601 with offset and whole seconds, e.g. <c>2024-01-01T10:00:00+00:00</c>.</summary>
    public static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>Metadata.sys</c>, present on every invocation: the function name, the invocation's UTC time (full precision,
    /// as a nested object is not re-parsed) and a fresh GUID.
    /// </summary>
    public static JsonObject System(string functionName, DateTimeOffset utcNow) => new()
    {
        ["MethodName"] = functionName,
        ["UtcNow"] = utcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };
}
