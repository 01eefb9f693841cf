using System.Text.Json.Serialization;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Domain.Scoring;
using FuncLabel.Functions.Credentials;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Ingestion;
using FuncLabel.Functions.Meta;
using FuncLabel.Functions.Ontologies;
using FuncLabel.Functions.Projects;
using FuncLabel.Functions.Reports;
using FuncLabel.Functions.Scoring;
using FuncLabel.Functions.Training;
using FuncLabel.Functions.Work;

namespace FuncLabel.Functions.Hosting;

/// <summary>
/// Compile-time JSON contracts for the HTTP API's request bodies and responses, first in the minimal-API resolver
/// chain (<see cref="ServiceRegistration"/>): without it System.Text.Json builds each contract by reflection, and the
/// request bodies' contracts are built for every endpoint before the handler answers its first request (start-up cost,
/// bench/results/startup.md). Metadata only: the names, enum strings and null handling still come from the runtime
/// options (FuncLabelJson), exactly as with the reflection resolver, which stays in the chain for any type not listed.
/// ApiJsonContextTests checks every endpoint's declared body and response types are listed here.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
// Request bodies.
[JsonSerializable(typeof(AttemptAnswerRequest))]
[JsonSerializable(typeof(ClaimRequest))]
[JsonSerializable(typeof(CreateCredentialTypeRequest))]
[JsonSerializable(typeof(CreateExamRequest))]
[JsonSerializable(typeof(CreateProjectRequest))]
[JsonSerializable(typeof(CreateTemplateRequest))]
[JsonSerializable(typeof(ExportRequest))]
[JsonSerializable(typeof(JobRequest))]
[JsonSerializable(typeof(LabelRequest))]
[JsonSerializable(typeof(OfflineGrantRequest))]
[JsonSerializable(typeof(OntologyDraft))]
[JsonSerializable(typeof(PracticeRequest))]
[JsonSerializable(typeof(ProjectScoreRequest))]
[JsonSerializable(typeof(PutMemberRequest))]
[JsonSerializable(typeof(ReviewRequest))]
[JsonSerializable(typeof(RevokeCredentialRequest))]
[JsonSerializable(typeof(ScoreRequest))]
[JsonSerializable(typeof(SkipRequest))]
[JsonSerializable(typeof(TemplateFromTaskRequest))]
[JsonSerializable(typeof(UpdateExamRequest))]
[JsonSerializable(typeof(UpdateProjectRequest))]
[JsonSerializable(typeof(UpdateTemplateRequest))]
[JsonSerializable(typeof(UploadRequest))]
// Responses.
[JsonSerializable(typeof(AssetView))]
[JsonSerializable(typeof(AttemptAnswerView))]
[JsonSerializable(typeof(AttemptView))]
[JsonSerializable(typeof(CredentialTypeView))]
[JsonSerializable(typeof(CredentialView))]
[JsonSerializable(typeof(DryRunView))]
[JsonSerializable(typeof(ExamView))]
[JsonSerializable(typeof(ExportView))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(ImportView))]
[JsonSerializable(typeof(JobView))]
[JsonSerializable(typeof(ListPage<AssetView>))]
[JsonSerializable(typeof(ListPage<AttemptSummary>))]
[JsonSerializable(typeof(ListPage<CredentialTypeView>))]
[JsonSerializable(typeof(ListPage<CredentialView>))]
[JsonSerializable(typeof(ListPage<ExamView>))]
[JsonSerializable(typeof(ListPage<ExportView>))]
[JsonSerializable(typeof(ListPage<HolderView>))]
[JsonSerializable(typeof(ListPage<ImportView>))]
[JsonSerializable(typeof(ListPage<IngestErrorView>))]
[JsonSerializable(typeof(ListPage<JobView>))]
[JsonSerializable(typeof(ListPage<MemberView>))]
[JsonSerializable(typeof(ListPage<PracticeResultView>))]
[JsonSerializable(typeof(ListPage<ProjectSummary>))]
[JsonSerializable(typeof(ListPage<TaskView>))]
[JsonSerializable(typeof(ListPage<TemplateSummary>))]
[JsonSerializable(typeof(MemberView))]
[JsonSerializable(typeof(OntologyView))]
[JsonSerializable(typeof(OpenedTaskView))]
[JsonSerializable(typeof(PracticeResultView))]
[JsonSerializable(typeof(ProgressView))]
[JsonSerializable(typeof(ProjectView))]
[JsonSerializable(typeof(ReportBuildView))]
[JsonSerializable(typeof(ReportListView))]
[JsonSerializable(typeof(ScoreResult))]
[JsonSerializable(typeof(TaskView))]
[JsonSerializable(typeof(TemplateOwnerView))]
[JsonSerializable(typeof(TemplateView))]
[JsonSerializable(typeof(UploadView))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
