using Microsoft.AspNetCore.Http.HttpResults;

namespace FuncLabel.Functions.Validation;

/// <summary>RFC 9457 problem documents: the one way errors leave the API.</summary>
internal static class Problems
{
    public static ValidationProblem Field(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    /// <summary>409 with a machine-readable <c>code</c> (lower snake_case), e.g. <c>asset_changed</c>.</summary>
    public static ProblemHttpResult Conflict(string code, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict", extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ProblemHttpResult PreconditionFailed() =>
        TypedResults.Problem("The resource changed since it was read (If-Match did not match its current ETag).",
            statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed");

    /// <summary>Writes a problem document from middleware, where there is no endpoint result to return.</summary>
    public static Task Write(HttpContext context, int status, string title, string detail, string? code = null) =>
        TypedResults.Problem(
                detail,
                statusCode: status,
                title: title,
                extensions: code is null ? null : new Dictionary<string, object?> { ["code"] = code })
            .ExecuteAsync(context);

    public static Task WriteFieldError(HttpContext context, string field, string reason) => Field(field, reason).ExecuteAsync(context);
}
