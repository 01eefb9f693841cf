using FuncLabel.Functions.Apis;
using FuncLabel.Functions.Apis.Credentials;
using FuncLabel.Functions.Apis.Reports;
using FuncLabel.Functions.Apis.Training;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;

namespace FuncLabel.Functions.Hosting;

/// <summary>The middleware order and every route group.</summary>
public static class AppPipeline
{
    public static WebApplication UseFuncLabel(this WebApplication app)
    {
        app.UseMiddleware<InvocationLogScope>();
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLimitMiddleware>();
        app.UseFuncLabelCors();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<AccessMiddleware>();

        app.MapMetaApi();
        app.MapProjectsApi();
        app.MapScoreApi();
        app.MapJobsApi();
        app.MapTasksApi();
        app.MapOntologyApi();
        app.MapUploadsApi();
        app.MapAssetsApi();
        app.MapImportsApi();
        app.MapCredentialsApi();
        app.MapTemplatesApi();
        app.MapExamsApi();
        app.MapAttemptsApi();
        app.MapReportsApi();
        app.MapTriggerEndpoints(Declarations.Functions.All);
        return app.PrebuildEndpoints();
    }

    /// <summary>
    /// Client errors the server raises while reading a request keep their status (413 for an oversized body). A store
    /// that timed out, throttled or was unavailable is 503: the request did not fail for what it asked, and retrying
    /// it is right (every write is conditional, so a retried write that had gone through is refused, never doubled).
    /// </summary>
    public static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        Microsoft.Azure.Cosmos.CosmosException { StatusCode: System.Net.HttpStatusCode.RequestTimeout or System.Net.HttpStatusCode.TooManyRequests or System.Net.HttpStatusCode.ServiceUnavailable } => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
