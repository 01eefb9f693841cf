using FuncLabel.Data.Ledger;
using FuncLabel.Data.Reports;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Reports;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker;
using System.Globalization;

namespace FuncLabel.Functions.Reports;

/// <summary>The HTTP functions of <see cref="ReportsApi"/>: each unpacks the request and calls its handler.</summary>
internal sealed class ReportsFunctions(ReportServices services)
{
    [Function(nameof(ListProjectReports))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Reports", "Lists the project's report days.")]
    public Task<Ok<ReportListView>> ListProjectReports(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/reports")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        ReportsApi.ListProjectAsync(projectId, services, cancellationToken);

    [Function(nameof(GetLatestProjectReport))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Reports", "Reads the project's latest report of a kind (json, csv or html).")]
    [Query("format", typeof(string), "json (default), csv or html.")]
    public Task<Results<FileContentHttpResult, ProblemHttpResult>> GetLatestProjectReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/reports/{kind}/latest")] HttpRequest req,
        string projectId,
        string kind,
        CancellationToken cancellationToken) =>
        ReportsApi.LatestProjectAsync(projectId, kind, QueryValues.Text(req, "format"), services, cancellationToken);

    [Function(nameof(GetProjectReport))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Reports", "Reads the project's report of a kind and day (json, csv or html).")]
    [Query("format", typeof(string), "json (default), csv or html.")]
    public Task<Results<FileContentHttpResult, ProblemHttpResult>> GetProjectReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/reports/{kind}/{date}")] HttpRequest req,
        string projectId,
        string kind,
        string date,
        CancellationToken cancellationToken) =>
        ReportsApi.GetProjectAsync(projectId, kind, date, QueryValues.Text(req, "format"), services, cancellationToken);

    [Function(nameof(BuildProjectReport))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Reports", "Builds the project's report of a kind and day now.")]
    public Task<Results<Ok<ReportBuildView>, ProblemHttpResult>> BuildProjectReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/reports/{kind}/{date}/build")] HttpRequest req,
        string projectId,
        string kind,
        string date,
        CancellationToken cancellationToken) =>
        ReportsApi.BuildProjectAsync(projectId, kind, date, req.HttpContext, services, cancellationToken);

    [Function(nameof(ListOrgReports))]
    [Access(Callers.PlatformAdmin)]
    [Operation("Reports", "Lists the organisation-wide report days.")]
    public Task<Ok<ReportListView>> ListOrgReports(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/org")] HttpRequest req,
        CancellationToken cancellationToken) =>
        ReportsApi.ListOrgAsync(services, cancellationToken);

    [Function(nameof(GetLatestOrgReport))]
    [Access(Callers.PlatformAdmin)]
    [Operation("Reports", "Reads the latest organisation-wide report of a kind.")]
    [Query("format", typeof(string), "json (default), csv or html.")]
    public Task<Results<FileContentHttpResult, ProblemHttpResult>> GetLatestOrgReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/org/{kind}/latest")] HttpRequest req,
        string kind,
        CancellationToken cancellationToken) =>
        ReportsApi.LatestOrgAsync(kind, QueryValues.Text(req, "format"), services, cancellationToken);

    [Function(nameof(GetOrgReport))]
    [Access(Callers.PlatformAdmin)]
    [Operation("Reports", "Reads the organisation-wide report of a kind and day.")]
    [Query("format", typeof(string), "json (default), csv or html.")]
    public Task<Results<FileContentHttpResult, ProblemHttpResult>> GetOrgReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/org/{kind}/{date}")] HttpRequest req,
        string kind,
        string date,
        CancellationToken cancellationToken) =>
        ReportsApi.GetOrgAsync(kind, date, QueryValues.Text(req, "format"), services, cancellationToken);

    [Function(nameof(BuildOrgReport))]
    [Access(Callers.PlatformAdmin)]
    [Operation("Reports", "Builds the organisation-wide report of a kind and day now.")]
    public Task<Results<Ok<ReportBuildView>, ProblemHttpResult>> BuildOrgReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports/org/{kind}/{date}/build")] HttpRequest req,
        string kind,
        string date,
        CancellationToken cancellationToken) =>
        ReportsApi.BuildOrgAsync(kind, date, req.HttpContext, services, cancellationToken);
}
