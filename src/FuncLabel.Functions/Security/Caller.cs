using System.Security.Claims;

namespace FuncLabel.Functions.Security;

/// <summary>
/// Who is calling: the user id is the token's <c>oid</c>, else its <c>sub</c> (docs/architecture.md, Security).
/// The only role a token carries is the platform admin (<c>FuncLabel.Admin</c>); project roles live in Cosmos.
/// </summary>
internal sealed record Caller(string UserId, bool IsAdmin)
{
    public const string AdminRole = "FuncLabel.Admin";

    private const string ObjectIdClaim = "oid";
    private const string ObjectIdClaimLong = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    public static Caller? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = principal.FindFirstValue(ObjectIdClaim)
            ?? principal.FindFirstValue(ObjectIdClaimLong)
            ?? principal.FindFirstValue("sub")
            ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var admin = principal.Claims.Any(c => c.Type is "roles" or ClaimTypes.Role && c.Value == AdminRole);
        return new Caller(id, admin);
    }
}
