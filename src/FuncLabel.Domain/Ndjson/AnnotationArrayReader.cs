using System.Text.Json;
using System.Text.Json.Nodes;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Ndjson;

/// <summary>A refused element of an annotation array: its JSON path (<c>candidate[3].bbox.width</c>), reason and message.</summary>
public sealed record AnnotationArrayError(string Field, NdjsonErrorReason Reason, string Message);

/// <summary>
/// Reads the annotations an API request carries (a score request's gold and candidate, a task's draft or
/// submission) with the same rules as a pre-label import: each element of the JSON array is an NDJSON line's
/// object (Labelbox format), validated against the ontology and the asset's extent. The API's annotations are
/// always about one known asset, so <c>dataRow</c> is optional here.
/// </summary>
public static class AnnotationArrayReader
{
    private static readonly JsonObject ThisAsset = new() { ["globalKey"] = "this-asset" };

    /// <summary>
    /// Every annotation of <paramref name="array"/>, or every error (each naming <paramref name="field"/>[i].path);
    /// annotations are returned only when there is no error, so a caller never stores half of a request.
    /// </summary>
    public static (IReadOnlyList<Annotation> Annotations, IReadOnlyList<AnnotationArrayError> Errors) Read(
        JsonElement array, string field, Ontology ontology, string projectId, AssetExtent extent, AnnotationSource source)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            return ([], [new AnnotationArrayError(field, NdjsonErrorReason.InvalidValue, "must be an array of annotations")]);
        }

        var reader = new NdjsonPrelabelReader(new NdjsonReaderOptions(ontology, projectId) { Source = source, ExtentOf = _ => extent });
        var annotations = new List<Annotation>();
        var errors = new List<AnnotationArrayError>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var node = JsonNode.Parse(element.GetRawText());
            if (node is JsonObject obj && !obj.ContainsKey("dataRow"))
            {
                obj["dataRow"] = ThisAsset.DeepClone();
            }

            var line = JsonSerializer.SerializeToUtf8Bytes(node);
            var result = reader.ParseLine(line, index + 1)
                ?? NdjsonLineResult.Failure(new NdjsonLineError(index + 1, null, string.Empty, NdjsonErrorReason.InvalidJson, "An annotation is an object."));
            if (result.Record is { } record)
            {
                annotations.Add(record.Annotation);
            }
            else
            {
                var error = result.Error!;
                var path = error.Field.Length == 0 ? $"{field}[{index}]" : $"{field}[{index}].{error.Field}";
                errors.Add(new AnnotationArrayError(path, error.Reason, error.Message));
            }

            index++;
        }

        return errors.Count == 0 ? (annotations, []) : ([], errors);
    }
}
