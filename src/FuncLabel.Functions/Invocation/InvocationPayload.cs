using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FuncLabel.Functions.Invocation;

/// <summary>
/// The JSON body the Functions host POSTs to <c>/{FunctionName}</c>: <c>{ "Data": {…}, "Metadata": {…} }</c>
/// (docs/local-host.md, Invocation payload). The host serialises most scalar values twice — <c>"abc"</c> arrives
/// as <c>"\"abc\""</c> and <c>1</c> as <c>"1"</c> — while its documentation shows them plain; every
/// accessor here accepts both forms.
/// </summary>
public sealed class InvocationPayload
{
    private readonly JsonElement _data;
    private readonly JsonElement _metadata;

    private InvocationPayload(JsonElement data, JsonElement metadata)
    {
        _data = data;
        _metadata = metadata;
    }

    public static InvocationPayload Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException("The invocation body is not a JSON object.");
        }

        var data = Property(root, "Data") ?? throw new InvalidInvocationException("The invocation has no 'Data'.");
        var metadata = Property(root, "Metadata");
        return new InvocationPayload(data, metadata ?? default);
    }

    /// <summary>
    /// The queue message bytes of binding <paramref name="name"/>. With <c>dataType: binary</c> the host sends
    /// base64; without it, the text (double-encoded or plain). JSON text is recognised by its first character,
    /// since a JSON object or array can never be valid base64.
    /// </summary>
    public byte[] GetMessageBytes(string name)
    {
        var value = Property(_data, name) ?? throw new InvalidInvocationException($"The invocation has no Data.{name}.");
        switch (value.ValueKind)
        {
            case JsonValueKind.Object or JsonValueKind.Array:
                return Encoding.UTF8.GetBytes(value.GetRawText());
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (TryUnwrapJsonString(text, out var inner))
                {
                    return Encoding.UTF8.GetBytes(inner);
                }

                if (LooksLikeJson(text))
                {
                    return Encoding.UTF8.GetBytes(text);
                }

                var buffer = new byte[text.Length];
                return Convert.TryFromBase64String(text, buffer, out var written)
                    ? buffer[..written]
                    : Encoding.UTF8.GetBytes(text);
            default:
                throw new InvalidInvocationException($"Data.{name} is {value.ValueKind}, not a message.");
        }
    }

    /// <summary>The timer value of binding <paramref name="name"/>: <c>IsPastDue</c> and the schedule status if monitored.</summary>
    public (bool IsPastDue, DateTimeOffset? Last, DateTimeOffset? Next) GetTimer(string name)
    {
        var value = Property(_data, name) ?? throw new InvalidInvocationException($"The invocation has no Data.{name}.");
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            using var document = JsonDocument.Parse(TryUnwrapJsonString(text, out var json) ? json : text);
            return ReadTimer(document.RootElement);
        }

        return ReadTimer(value);
    }

    /// <summary>A metadata string (<c>Id</c>, <c>PopReceipt</c>), unwrapped from its double encoding.</summary>
    public string? GetMetadataString(string name)
    {
        var value = Property(_metadata, name);
        if (value is not { ValueKind: JsonValueKind.String } element)
        {
            return value?.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False ? value.Value.GetRawText() : null;
        }

        var text = element.GetString()!;
        return TryUnwrapJsonString(text, out var inner) ? inner : text;
    }

    /// <summary>A metadata integer (<c>DequeueCount</c>), sent as <c>"1"</c> by the host or <c>1</c> in its docs.</summary>
    public long? GetMetadataInt64(string name) =>
        GetMetadataString(name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>A metadata timestamp (<c>InsertionTime</c>), ISO 8601, possibly double-encoded.</summary>
    public DateTimeOffset? GetMetadataTime(string name) =>
        GetMetadataString(name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    private static (bool, DateTimeOffset?, DateTimeOffset?) ReadTimer(JsonElement timer)
    {
        if (timer.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException("The timer value is not an object.");
        }

        var pastDue = Property(timer, "IsPastDue") is { } p && (p.ValueKind == JsonValueKind.True
            || (p.ValueKind == JsonValueKind.String && bool.TryParse(p.GetString(), out var b) && b));
        DateTimeOffset? last = null, next = null;
        if (Property(timer, "ScheduleStatus") is { ValueKind: JsonValueKind.Object } status)
        {
            last = Time(Property(status, "Last"));
            next = Time(Property(status, "Next"));
        }

        return (pastDue, last, next);
    }

    private static DateTimeOffset? Time(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.String } e
        && DateTimeOffset.TryParse(e.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t
            : null;

    private static bool LooksLikeJson(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.Length > 0 && trimmed[0] is '{' or '[';
    }

    /// <summary>True when <paramref name="text"/> is itself a JSON string literal (the host's double encoding).</summary>
    private static bool TryUnwrapJsonString(string text, out string inner)
    {
        inner = "";
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            inner = document.RootElement.GetString()!;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Case-insensitive property lookup: the host writes PascalCase, hand-written payloads may not.</summary>
    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}

/// <summary>The host sent a body that is not an invocation payload. Answered with 400, which fails the invocation.</summary>
public sealed class InvalidInvocationException(string message) : Exception(message);
