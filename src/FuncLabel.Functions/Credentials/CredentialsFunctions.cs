using FuncLabel.Data.Credentials;
using FuncLabel.Data.Ledger;
using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Credentials;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.Functions.Credentials;

/// <summary>The HTTP functions of <see cref="CredentialsApi"/>: each unpacks the request and calls its handler.</summary>
internal sealed class CredentialsFunctions(CredentialServices services)
{
    [Function(nameof(CreateCredentialType))]
    [Access(Callers.PlatformAdmin)]
    [Operation("Credentials", "Creates an organisation-wide credential type.")]
    public Task<Results<Created<CredentialTypeView>, ValidationProblem, ProblemHttpResult>> CreateCredentialType(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "credential-types")] HttpRequest req,
        [FromBody] CreateCredentialTypeRequest request,
        CancellationToken cancellationToken) =>
        CredentialsApi.CreateTypeAsync(request, req.HttpContext, services, cancellationToken);

    [Function(nameof(ListCredentialTypes))]
    [Access(Callers.Authenticated)]
    [Operation("Credentials", "Lists credential types.")]
    [Query("limit", typeof(int), "Page size, 1–200 (default 50).")]
    [Query("continuationToken", typeof(string), "Where the previous page ended.")]
    public Task<Ok<ListPage<CredentialTypeView>>> ListCredentialTypes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "credential-types")] HttpRequest req,
        CancellationToken cancellationToken) =>
        CredentialsApi.ListTypesAsync(QueryValues.Int32(req, "limit"), QueryValues.Text(req, "continuationToken"), services, cancellationToken);

    [Function(nameof(ListCredentialHolders))]
    [Access(Callers.PlatformAdmin)]
    [Operation("Credentials", "Lists the holders of a credential type.")]
    [Query("limit", typeof(int), "Page size, 1–200 (default 50).")]
    [Query("continuationToken", typeof(string), "Where the previous page ended.")]
    public Task<Results<Ok<ListPage<HolderView>>, ProblemHttpResult>> ListCredentialHolders(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "credential-types/{typeId}/holders")] HttpRequest req,
        string typeId,
        CancellationToken cancellationToken) =>
        CredentialsApi.ListHoldersAsync(typeId, QueryValues.Int32(req, "limit"), QueryValues.Text(req, "continuationToken"), services, cancellationToken);

    [Function(nameof(ListUserCredentials))]
    [Access(Callers.ResourceOwner)]
    [Operation("Credentials", "Lists a user's credentials (their own, or any for admins).")]
    [Query("limit", typeof(int), "Page size, 1–200 (default 50).")]
    [Query("continuationToken", typeof(string), "Where the previous page ended.")]
    public Task<Results<Ok<ListPage<CredentialView>>, ProblemHttpResult>> ListUserCredentials(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "users/{userId}/credentials")] HttpRequest req,
        string userId,
        CancellationToken cancellationToken) =>
        CredentialsApi.ListCredentialsAsync(userId, QueryValues.Int32(req, "limit"), QueryValues.Text(req, "continuationToken"), req.HttpContext, services, cancellationToken);

    [Function(nameof(GrantCredential))]
    [Access(Callers.PlatformAdmin)]
    [Operation("Credentials", "Grants a credential offline, with evidence.")]
    public Task<Results<Ok<CredentialView>, ValidationProblem, ProblemHttpResult>> GrantCredential(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "users/{userId}/credentials")] HttpRequest req,
        string userId,
        [FromBody] OfflineGrantRequest request,
        CancellationToken cancellationToken) =>
        CredentialsApi.GrantOfflineAsync(userId, request, req.HttpContext, services, cancellationToken);

    [Function(nameof(RevokeCredential))]
    [Access(Callers.PlatformAdmin)]
    [Operation("Credentials", "Revokes a user's credential.")]
    public Task<Results<Ok<CredentialView>, ValidationProblem, ProblemHttpResult>> RevokeCredential(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "users/{userId}/credentials/{typeId}/revoke")] HttpRequest req,
        string userId,
        string typeId,
        [FromBody] RevokeCredentialRequest request,
        CancellationToken cancellationToken) =>
        CredentialsApi.RevokeAsync(userId, typeId, request, req.HttpContext, services, cancellationToken);
}
