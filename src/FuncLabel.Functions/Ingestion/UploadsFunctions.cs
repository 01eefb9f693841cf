using FuncLabel.Data.Assets;
using FuncLabel.Data.Imports;
using FuncLabel.Data;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.Functions.Ingestion;

/// <summary>The HTTP functions of <see cref="UploadsApi"/>: each unpacks the request and calls its handler.</summary>
internal sealed class UploadsFunctions(UploadServices services)
{
    [Function(nameof(CreateUpload))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Uploads", "Issues a create-only upload URL for an asset or a pre-label file.")]
    public Task<Results<Ok<UploadView>, ValidationProblem, ProblemHttpResult>> CreateUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/uploads")] HttpRequest req,
        string projectId,
        [FromBody] UploadRequest request,
        CancellationToken cancellationToken) =>
        UploadsApi.CreateAsync(projectId, request, req.HttpContext, services, cancellationToken);
}
