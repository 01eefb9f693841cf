using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using FuncLabel.Functions.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FuncLabel.Functions.Tests.Security;

/// <summary>Every way a bearer token can be wrong answers 401 with a problem document saying why.</summary>
public sealed class TokenTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    private static readonly DateTime Now = DateTime.UtcNow;

    [Fact]
    public Task Missing_Is401() => AssertRejected(null, "required");

    [Fact]
    public Task Expired_Is401() => AssertRejected(Token(notBefore: Now.AddHours(-3), expires: Now.AddHours(-2)), "expired");

    [Fact]
    public Task NotYetValid_Is401() => AssertRejected(Token(notBefore: Now.AddHours(2), expires: Now.AddHours(3)), "not valid yet");

    [Fact]
    public Task WrongAudience_Is401() => AssertRejected(Token(audience: "someone-else"), "audience");

    [Fact]
    public Task WrongIssuer_Is401() => AssertRejected(Token(issuer: "https://evil.example"), "issuer");

    [Fact]
    public Task BadSignature_Is401() =>
        AssertRejected(Token(key: Convert.ToBase64String(Encoding.UTF8.GetBytes("another-key-that-is-32-bytes-long!!"))), "signature");

    [Fact]
    public Task AlgNone_Is401()
    {
        static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = new DateTimeOffset(Now.AddHours(1)).ToUnixTimeSeconds();
        var unsigned = $"{B64("""{"alg":"none","typ":"JWT"}""")}.{B64($$"""{"sub":"mallory","roles":"FuncLabel.Admin","iss":"{{AuthSettings.DevIssuer}}","aud":"{{AuthSettings.DevAudience}}","exp":{{exp}}}""")}.";
        return AssertRejected(unsigned, "");
    }

    [Fact]
    public async Task Valid_IsAccepted()
    {
        using var client = app.ClientFor(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        using var response = await client.GetAsync("/api/projects");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task AssertRejected(string? token, string reason)
    {
        using var client = app.ClientFor(null);
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.GetAsync("/api/projects");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, body["status"]!.GetValue<int>());
        Assert.Contains(reason, body["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    private static string Token(
        string issuer = AuthSettings.DevIssuer,
        string audience = AuthSettings.DevAudience,
        DateTime? notBefore = null,
        DateTime? expires = null,
        string key = FuncLabelApp.SigningKey) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "tester")]),
            NotBefore = notBefore ?? Now.AddMinutes(-5),
            IssuedAt = notBefore ?? Now.AddMinutes(-5),
            Expires = expires ?? Now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(key)), SecurityAlgorithms.HmacSha256),
        });
}
