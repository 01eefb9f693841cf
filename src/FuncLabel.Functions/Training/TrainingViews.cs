using FuncLabel.Functions.Http.OpenApi;
using System.Text.Json;
using FuncLabel.Data.Training;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Training;

namespace FuncLabel.Functions.Training;

/// <summary>
/// A template as a trainee sees it (practice, and any non-owner's GET): asset content link, guide and start — never gold.
/// </summary>
internal sealed record TemplateView(
    string Id,
    string Name,
    string Guide,
    string AssetId,
    string AssetContent,
    AssetExtent Extent,
    bool Enabled,
    double PassOverlap,
    int CurrentVersion,
    [property: Shape(typeof(AnnotationLine))] IReadOnlyList<JsonElement> Start,
    long Version)
{
    public static TemplateView From(TemplateDocument t, TemplateContentDocument content) => new(
        t.TemplateId, t.Name, t.Guide, t.AssetId, ContentLink(t.ProjectId, t.AssetId), t.Extent, t.Enabled, t.PassOverlap, t.CurrentVersion,
        LabelboxJson.Of(t.AssetId, content.Start), t.Version);

    public static string ContentLink(string projectId, string assetId) => $"/api/projects/{projectId}/assets/{assetId}/content";
}

/// <summary>A template as owners and admins see it: the trainee view plus gold, origin and every version.</summary>
internal sealed record TemplateOwnerView(
    string Id,
    string Name,
    string Guide,
    string AssetId,
    string AssetContent,
    AssetExtent Extent,
    bool Enabled,
    double PassOverlap,
    int CurrentVersion,
    int OntologyVersion,
    [property: Shape(typeof(AnnotationLine))] IReadOnlyList<JsonElement> Start,
    [property: Shape(typeof(AnnotationLine))] IReadOnlyList<JsonElement> Gold,
    TemplateOrigin Origin,
    IReadOnlyList<TemplateVersionInfo> Versions,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    long Version)
{
    public static TemplateOwnerView From(TemplateDocument t, TemplateContentDocument content) => new(
        t.TemplateId, t.Name, t.Guide, t.AssetId, TemplateView.ContentLink(t.ProjectId, t.AssetId), t.Extent, t.Enabled, t.PassOverlap, t.CurrentVersion,
        content.OntologyVersion, LabelboxJson.Of(t.AssetId, content.Start), LabelboxJson.Of(t.AssetId, content.Gold), t.Origin, t.Versions, t.CreatedBy, t.CreatedAt, t.Version);
}

/// <summary>A line of the template list (no start, no gold).</summary>
internal sealed record TemplateSummary(string Id, string Name, string AssetId, bool Enabled, int CurrentVersion, long Version)
{
    public static TemplateSummary From(TemplateDocument t) => new(t.TemplateId, t.Name, t.AssetId, t.Enabled, t.CurrentVersion, t.Version);
}

/// <summary>The answer to "calculate score" in practice: reasons with overlaps rounded to 0.05.</summary>
internal sealed record PracticeResultView(string PracticeId, string TemplateId, int TemplateVersion, double Score, bool Perfect, IReadOnlyList<TraineeFeedback> Feedback, DateTimeOffset At)
{
    public static PracticeResultView From(PracticeDocument p) => new(p.PracticeId, p.TemplateId, p.TemplateVersion, p.Score, p.Score == 100.0, p.Feedback, p.At);
}

internal sealed record ExamView(
    string Id, string Name, string Description, IReadOnlyList<string> TemplateIds, double PassMark, int AllowedAttempts,
    IReadOnlyList<string> AwardsCredentialTypeIds, bool Enabled, string CreatedBy, DateTimeOffset CreatedAt, long Version)
{
    public static ExamView From(ExamDocument e) =>
        new(e.ExamId, e.Name, e.Description, e.TemplateIds, e.PassMark, e.AllowedAttempts, e.AwardsCredentialTypeIds, e.Enabled, e.CreatedBy, e.CreatedAt, e.Version);
}

/// <summary>
/// An attempt item as its owner sees it: the pinned template version's guide, asset link and start; whether it is
/// answered; and only once the attempt is finished, its score and feedback (reasons, no overlap values).
/// </summary>
internal sealed record AttemptItemView(
    string ItemId,
    string TemplateId,
    int TemplateVersion,
    string Name,
    string Guide,
    string AssetId,
    string AssetContent,
    [property: Shape(typeof(AnnotationLine))] IReadOnlyList<JsonElement> Start,
    bool Answered,
    DateTimeOffset? AnsweredAt,
    double? Score,
    IReadOnlyList<TraineeFeedback>? Feedback);

internal sealed record AttemptView(
    string Id,
    string UserId,
    string ProjectId,
    string ExamId,
    int Number,
    double PassMark,
    IReadOnlyList<AttemptItemView> Items,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    double? Score,
    bool? Passed,
    IReadOnlyList<string> AwardsCredentialTypeIds,
    long Version);

/// <summary>A line of "my attempts" (no items).</summary>
internal sealed record AttemptSummary(string Id, string ProjectId, string ExamId, int Number, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, double? Score, bool? Passed)
{
    public static AttemptSummary From(AttemptDocument a) => new(a.AttemptId, a.ProjectId, a.ExamId, a.Number, a.StartedAt, a.FinishedAt, a.Score, a.Passed);
}

/// <summary>The answer to recording an exam item's answer: no score, no feedback until the attempt is finished.</summary>
internal sealed record AttemptAnswerView(string AttemptId, string ItemId, int AnnotationCount, DateTimeOffset AnsweredAt, long Version);

/// <summary>Body of <c>POST /api/projects/{projectId}/templates</c>: an asset with start and gold.</summary>
internal sealed record CreateTemplateRequest(
    string? Id,
    string? Name,
    string? Guide,
    double? PassOverlap,
    bool? Enabled,
    string? AssetId,
    AssetExtent? Extent,
    [property: Shape(typeof(AnnotationLine))] JsonElement? Start,
    [property: Shape(typeof(AnnotationLine))] JsonElement? Gold);

/// <summary>
/// Body of <c>POST /api/projects/{projectId}/templates/from-task</c>: the job and either <c>taskId</c> (a submitted pass,
/// <c>{assetId}.{pass}</c>) or <c>assetId</c> (that asset's consensus), with the template's settings.
/// </summary>
internal sealed record TemplateFromTaskRequest(
    string? Id,
    string? Name,
    string? Guide,
    double? PassOverlap,
    bool? Enabled,
    string? JobId,
    string? TaskId,
    string? AssetId);

/// <summary>Body of <c>PATCH …/templates/{templateId}</c>; absent fields stay. A new start or gold makes a new version.</summary>
internal sealed record UpdateTemplateRequest(string? Name, string? Guide, double? PassOverlap, bool? Enabled, [property: Shape(typeof(AnnotationLine))] JsonElement? Start, [property: Shape(typeof(AnnotationLine))] JsonElement? Gold);

internal sealed record PracticeRequest([property: Shape(typeof(AnnotationLine))] JsonElement? Answer);

internal sealed record CreateExamRequest(string? Id, string? Name, string? Description, IReadOnlyList<string>? TemplateIds, double? PassMark, int? AllowedAttempts, IReadOnlyList<string>? AwardsCredentialTypeIds, bool? Enabled);

internal sealed record UpdateExamRequest(string? Name, string? Description, IReadOnlyList<string>? TemplateIds, double? PassMark, int? AllowedAttempts, IReadOnlyList<string>? AwardsCredentialTypeIds, bool? Enabled);

internal sealed record AttemptAnswerRequest([property: Shape(typeof(AnnotationLine))] JsonElement? Answer);
