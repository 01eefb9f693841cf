using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FuncLabel.Functions.Security;

/// <summary>Mints tokens the local development configuration accepts (the same issuer, audience and key).</summary>
internal static class DevTokens
{
    public static string Mint(string signingKeyBase64, string userId, bool admin, DateTimeOffset now, TimeSpan lifetime)
    {
        var claims = new List<Claim> { new("sub", userId), new("oid", userId) };
        if (admin)
        {
            claims.Add(new Claim("roles", Caller.AdminRole));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthSettings.DevIssuer,
            Audience = AuthSettings.DevAudience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(signingKeyBase64)), SecurityAlgorithms.HmacSha256),
        });
    }
}
