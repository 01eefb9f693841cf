using FuncLabel.Data.Credentials;
using FuncLabel.Data.Ledger;
using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Credentials;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FuncLabel.Functions.Credentials;

/// <summary>
/// Organisation-wide credentials (docs/product.md, capability 8): types and offline grants and revocations are for platform
/// admins; a user reads their own credentials (others get 404, admins everyone's).
/// </summary>
internal static class CredentialsApi
{
    /// <summary>The <c>{userId}</c> alias for the caller in <c>GET /api/users/me/credentials</c>.</summary>
    public const string Me = "me";

    

    public static async Task<Results<Created<CredentialTypeView>, ValidationProblem, ProblemHttpResult>> CreateTypeAsync(
        CreateCredentialTypeRequest request, HttpContext http, [AsParameters] CredentialServices services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Check(request.Id is null || Ids.IsResourceId(request.Id), "id", "must be 3–63 characters: a-z, 0-9 and '-', starting with a letter or digit")
            .Text("name", request.Name, 1, 200)
            .Text("description", request.Description, 0, 4000, required: false)
            .Check(request.ValidityDays is null or (>= 1 and <= 36500), "validityDays", "must be 1–36500 days, or absent for no expiry");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var caller = http.Caller();
        var now = services.Time.GetUtcNow();
        var id = request.Id ?? "ct-" + Guid.NewGuid().ToString("N")[..16];
        var type = new CredentialTypeDocument
        {
            Id = id,
            Pk = CredentialTypeDocument.PartitionKey,
            TypeId = id,
            Name = request.Name!,
            Description = request.Description ?? "",
            ValidityDays = request.ValidityDays,
            CreatedBy = caller.UserId,
            CreatedAt = now,
        };
        var created = await services.Credentials.CreateTypeAsync(type, new ChangeContext(caller.UserId, now, LedgerEvent.OrgScope), cancellationToken);
        if (!created.Succeeded)
        {
            return Problems.Conflict("credential_type_exists", $"Credential type '{id}' already exists.");
        }

        Versions.SetETag(http.Response, created.Value.Version);
        return TypedResults.Created($"/api/credential-types/{id}", CredentialTypeView.From(created.Value));
    }

    public static async Task<Ok<ListPage<CredentialTypeView>>> ListTypesAsync(
        int? limit, string? continuationToken, [AsParameters] CredentialServices services, CancellationToken cancellationToken)
    {
        var page = await services.Credentials.ListTypesAsync(ListLimits.Clamp(limit), continuationToken, cancellationToken);
        return TypedResults.Ok(new ListPage<CredentialTypeView>(page.Items.Select(CredentialTypeView.From).ToList(), page.ContinuationToken));
    }

    /// <summary>Everyone who has or had a grant of the type, each with its status now (from the holders index).</summary>
    public static async Task<Results<Ok<ListPage<HolderView>>, ProblemHttpResult>> ListHoldersAsync(
        string typeId, int? limit, string? continuationToken, [AsParameters] CredentialServices services, CancellationToken cancellationToken)
    {
        if (!Ids.IsResourceId(typeId) || await services.Credentials.GetTypeAsync(typeId, cancellationToken) is null)
        {
            return Problems.NotFound($"Credential type '{typeId}' was not found.");
        }

        var now = services.Time.GetUtcNow();
        var page = await services.Credentials.ListHoldersAsync(typeId, ListLimits.Clamp(limit), continuationToken, cancellationToken);
        return TypedResults.Ok(new ListPage<HolderView>(page.Items.Select(h => HolderView.From(h, now)).ToList(), page.ContinuationToken));
    }

    /// <summary>The user's credentials with their status now; the user themself (or <c>me</c>) or an admin, others 404.</summary>
    public static async Task<Results<Ok<ListPage<CredentialView>>, ProblemHttpResult>> ListCredentialsAsync(
        string userId, int? limit, string? continuationToken, HttpContext http, [AsParameters] CredentialServices services, CancellationToken cancellationToken)
    {
        var caller = http.Caller();
        var subject = userId == Me ? caller.UserId : userId;
        if (subject != caller.UserId && !caller.IsAdmin)
        {
            return Problems.NotFound($"No credentials of '{userId}' were found.");
        }

        var now = services.Time.GetUtcNow();
        var page = await services.Credentials.ListCredentialsAsync(subject, ListLimits.Clamp(limit), continuationToken, cancellationToken);
        return TypedResults.Ok(new ListPage<CredentialView>(page.Items.Select(c => CredentialView.From(c, now)).ToList(), page.ContinuationToken));
    }

    /// <summary>
    /// An offline grant: the admin vouches for evidence checked outside FuncLabel (a note and/or a blob path). It
    /// replaces the user's current grant of the type (renewal, or a re-grant after revocation); validity comes from the type.
    /// </summary>
    public static async Task<Results<Ok<CredentialView>, ValidationProblem, ProblemHttpResult>> GrantOfflineAsync(
        string userId, OfflineGrantRequest request, HttpContext http, [AsParameters] CredentialServices services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Check(Ids.IsUserId(userId) && userId != Me, "userId", "is not a user id")
            .Check(Ids.IsResourceId(request.TypeId), "typeId", "is required: a credential type id")
            .Text("evidenceNote", request.EvidenceNote, 1, 4000, required: request.EvidenceBlobPath is null)
            .Text("evidenceBlobPath", request.EvidenceBlobPath, 1, 1024, required: false);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var type = await services.Credentials.GetTypeAsync(request.TypeId!, cancellationToken);
        if (type is null)
        {
            return Problems.Field("typeId", $"credential type '{request.TypeId}' does not exist");
        }

        var caller = http.Caller();
        var now = services.Time.GetUtcNow();
        var grant = new CredentialGrant(
            "offline:" + Guid.NewGuid().ToString("N"),
            userId,
            type.TypeId,
            now,
            CredentialValidity.ExpiresAt(now, type.ValidityDays),
            new CredentialSource(CredentialSourceKind.Offline, caller.UserId, EvidenceNote: request.EvidenceNote, EvidenceBlobPath: request.EvidenceBlobPath));
        var stored = await services.Credentials.GrantAsync(grant, caller.UserId, cancellationToken);
        Versions.SetETag(http.Response, stored.Version);
        return TypedResults.Ok(CredentialView.From(stored, now));
    }

    /// <summary>Revokes the user's credential with a reason. Revoking a revoked credential changes nothing.</summary>
    public static async Task<Results<Ok<CredentialView>, ValidationProblem, ProblemHttpResult>> RevokeAsync(
        string userId, string typeId, RevokeCredentialRequest request, HttpContext http, [AsParameters] CredentialServices services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors().Text("reason", request.Reason, 1, 2000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var now = services.Time.GetUtcNow();
        var current = Ids.IsUserId(userId) && Ids.IsResourceId(typeId)
            ? await services.Credentials.GetCredentialAsync(userId, typeId, cancellationToken)
            : null;
        if (current is null)
        {
            return Problems.NotFound($"'{userId}' holds no credential of type '{typeId}'.");
        }

        if (current.RevokedAt is not null)
        {
            return TypedResults.Ok(CredentialView.From(current, now));
        }

        if (!Versions.IfMatchAllows(http.Request, current.Version))
        {
            return Problems.PreconditionFailed();
        }

        var revoked = await services.Credentials.RevokeAsync(current, request.Reason!, new ChangeContext(http.Caller().UserId, now, LedgerEvent.OrgScope), cancellationToken);
        if (!revoked.Succeeded)
        {
            return Problems.Conflict("concurrent_change", "The credential changed meanwhile; read it again and retry.");
        }

        Versions.SetETag(http.Response, revoked.Value.Version);
        return TypedResults.Ok(CredentialView.From(revoked.Value, now));
    }
}

/// <summary>The services of <see cref="CredentialsApi"/>'s handlers.</summary>
internal sealed class CredentialServices([FromServices] CredentialStore credentials, [FromServices] TimeProvider time)
{
    public CredentialStore Credentials { get; } = credentials;

    public TimeProvider Time { get; } = time;
}
