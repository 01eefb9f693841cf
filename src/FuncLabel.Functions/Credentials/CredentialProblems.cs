using FuncLabel.Data.Credentials;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FuncLabel.Functions.Credentials;

/// <summary>The problem document of a claim refused by <see cref="CredentialGate"/>.</summary>
internal static class CredentialProblems
{
    public const string Code = "missing_credentials";

    /// <summary>
    /// 403 with <c>code: missing_credentials</c> and <c>missingCredentials: [{ typeId, status }]</c>, so the front end
    /// can say which certification to take (or renew) without a second call.
    /// </summary>
    public static ProblemHttpResult Refused(IReadOnlyList<CredentialShortfall> shortfalls) =>
        TypedResults.Problem(
            "This job requires credentials you do not validly hold: "
            + string.Join(", ", shortfalls.Select(s => $"{s.TypeId} ({System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.Status.ToString())})")) + ".",
            statusCode: StatusCodes.Status403Forbidden,
            title: "Credentials required",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = Code,
                ["missingCredentials"] = shortfalls.Select(s => new { typeId = s.TypeId, status = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.Status.ToString()) }).ToList(),
            });
}
