using System.Text.Json;
using FuncLabel.Data.Training;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ndjson;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Domain.Scoring;
using FuncLabel.Functions.Validation;

namespace FuncLabel.Functions.Training;

/// <summary>
/// Reading and scoring trainees' answers against a template version: answers are Labelbox-style annotation arrays
/// (as in <c>POST /api/score</c>), validated against the ontology version the template content was made with, and
/// scored against that version's gold with the template's pass overlap.
/// </summary>
internal static class TrainingAnswers
{
    /// <summary>The annotations of <paramref name="array"/>, with every problem added to <paramref name="errors"/> under <paramref name="field"/>.</summary>
    public static IReadOnlyList<Annotation> Read(JsonElement? array, string field, Ontology ontology, string projectId, AssetExtent extent, AnnotationSource source, FieldErrors errors)
    {
        if (array is null)
        {
            errors.Add(field, "is required: an array of annotations (Labelbox NDJSON objects; dataRow optional)");
            return [];
        }

        var (annotations, problems) = AnnotationArrayReader.Read(array.Value, field, ontology, projectId, extent, source);
        foreach (var problem in problems)
        {
            errors.Add(problem.Field, $"{JsonNamingPolicy.SnakeCaseLower.ConvertName(problem.Reason.ToString())}: {problem.Message}");
        }

        return annotations;
    }

    /// <summary>The ontology version a template content was validated against.</summary>
    public static Ontology OntologyOf(TemplateContentDocument content) =>
        OntologySnapshot.Restore(content.Ontology, content.OntologyVersion)
        ?? throw new InvalidOperationException($"The ontology snapshot of {content.Id} no longer builds.");

    public static ScoringOptions OptionsFor(double passOverlap) => ScoringOptions.Default with { PassOverlap = passOverlap };

    public static ScoreResult Score(TemplateContentDocument content, IReadOnlyList<Annotation> answer, AssetExtent extent, double passOverlap) =>
        CandidateScore.Of(content.Gold, answer, extent, OptionsFor(passOverlap));
}
