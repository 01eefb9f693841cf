using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FuncLabel.Domain.Serialization;

/// <summary>
/// The JSON conventions shared by the HTTP API and the Cosmos documents (docs/architecture.md, HTTP API conventions):
/// camelCase properties, enum values and reason codes as lower snake_case strings, nulls omitted.
/// One options instance so a document and its API view can never disagree on names.
/// </summary>
public static class FuncLabelJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the conventions to an options instance owned by someone else (ASP.NET Core's).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
