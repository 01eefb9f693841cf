using System.Text;
using System.Text.Json;
using Azure.Core;

namespace FuncLabel.Functions.Tests.Storage.OAuth;

/// <summary>
/// Issues the JWTs Azurite's <c>--oauth basic</c> accepts, in place of Entra ID.
/// </summary>
/// <remarks>
/// Azurite 3.37 (<c>BlobTokenAuthenticator.authenticateBasic</c>) decodes the token without checking its signature
/// and requires: <c>nbf</c>, <c>exp</c> and <c>iat</c> present with nbf ≤ now ≤ exp; an <c>iss</c> starting with
/// <c>https://sts.windows.net/</c> (or another Entra authority); an <c>aud</c> of <c>https://storage.azure.com</c>
/// (or the account's own endpoint). Get User Delegation Key derives the key from the token's <c>oid</c> and <c>tid</c>.
/// </remarks>
internal sealed class UnsignedJwtCredential(TimeProvider time, string objectId, string tenantId, string audience = "https://storage.azure.com")
    : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expires = now.AddHours(1);
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "none", typ = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["aud"] = audience,
            ["iss"] = $"https://sts.windows.net/{tenantId}/",
            ["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["oid"] = objectId,
            ["tid"] = tenantId,
            ["scp"] = string.Join(' ', requestContext.Scopes),
        }));
        return new AccessToken($"{header}.{payload}.{Base64Url(Encoding.UTF8.GetBytes("unsigned"))}", expires);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
