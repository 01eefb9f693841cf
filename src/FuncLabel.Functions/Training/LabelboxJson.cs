using System.Buffers;
using System.Text.Json;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Ndjson;

namespace FuncLabel.Functions.Training;

/// <summary>Annotations in the Labelbox object form the API accepts (one NDJSON line's object each), so a trainee can send the start back as an answer.</summary>
internal static class LabelboxJson
{
    public static IReadOnlyList<JsonElement> Of(string assetId, IReadOnlyList<Annotation> annotations)
    {
        var dataRow = DataRowReference.ById(assetId);
        var result = new List<JsonElement>(annotations.Count);
        foreach (var annotation in annotations)
        {
            var buffer = new ArrayBufferWriter<byte>();
            NdjsonAnnotationWriter.WriteLine(buffer, dataRow, annotation);
            using var document = JsonDocument.Parse(buffer.WrittenMemory);
            result.Add(document.RootElement.Clone());
        }

        return result;
    }
}
