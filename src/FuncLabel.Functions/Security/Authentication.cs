using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace FuncLabel.Functions.Security;

/// <summary>
/// Bearer JWT validation. Every failure — missing, expired, not yet valid, wrong audience or issuer,
/// bad signature, unsigned (<c>alg: none</c>) — answers 401 with a problem document saying why.
/// </summary>
internal static class Authentication
{
    /// <remarks>
    /// Registered without <c>AddAuthentication()</c>'s data protection and without ASP.NET Core authorization: bearer
    /// tokens need neither (access is decided by <see cref="AccessMiddleware"/> from each endpoint's rule), and both cost
    /// every cold start — data protection's hosted service builds a key ring before the first request, and the
    /// authorization middleware builds every endpoint and a policy cache (bench/results/startup.md).
    /// </remarks>
    public static IServiceCollection AddFuncLabelAuthentication(this IServiceCollection services, AuthSettings settings)
    {
        services.AddAuthenticationCore(options => options.DefaultScheme = JwtBearerDefaults.AuthenticationScheme);
        services.AddWebEncoders();
        services.TryAddSingleton<IAuthenticationConfigurationProvider, AuthenticationSection>();
        new AuthenticationBuilder(services)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = ValidationParameters(settings);
                if (!string.IsNullOrEmpty(settings.Authority))
                {
                    options.Authority = settings.Authority;
                    options.Audience = settings.Audience;
                }

                options.Events = new JwtBearerEvents { OnChallenge = WriteProblemAsync };
            });
        return services;
    }

    /// <summary>Dev key locally (never in Azure), the authority's keys otherwise; both require signed, timely tokens.</summary>
    public static TokenValidationParameters ValidationParameters(AuthSettings settings)
    {
        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromSeconds(settings.ClockSkewSeconds),
            NameClaimType = "sub",
            RoleClaimType = "roles",
        };

        if (!string.IsNullOrEmpty(settings.DevSigningKey))
        {
            if (AzureEnvironment.IsAzure)
            {
                throw new InvalidOperationException("Auth:DevSigningKey is set while running in Azure; remove it and configure Auth:Authority.");
            }

            var key = Convert.FromBase64String(settings.DevSigningKey);
            if (key.Length < 32)
            {
                throw new InvalidOperationException("Auth:DevSigningKey must be at least 32 bytes (base64).");
            }

            parameters.IssuerSigningKey = new SymmetricSecurityKey(key);
            parameters.ValidIssuer = AuthSettings.DevIssuer;
            parameters.ValidAudience = AuthSettings.DevAudience;
            parameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
        else if (string.IsNullOrEmpty(settings.Authority) || string.IsNullOrEmpty(settings.Audience))
        {
            throw new InvalidOperationException("Configure Auth:Authority and Auth:Audience (Entra ID), or Auth:DevSigningKey locally.");
        }
        else
        {
            parameters.ValidAudience = settings.Audience;
        }

        return parameters;
    }

    private static async Task WriteProblemAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var detail = context.AuthenticateFailure switch
        {
            null => "A bearer token is required.",
            SecurityTokenExpiredException => "The token has expired.",
            SecurityTokenNotYetValidException => "The token is not valid yet.",
            SecurityTokenInvalidAudienceException => "The token is for another audience.",
            SecurityTokenInvalidIssuerException => "The token is from an untrusted issuer.",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token signature is not valid.",
            SecurityTokenInvalidAlgorithmException => "The token's signing algorithm is not accepted.",
            _ => "The token is not valid.",
        };
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        context.Response.ContentType = "application/problem+json";
        await context.Response.WriteAsync(
            JsonSerializer.Serialize(new
            {
                type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
                title = "Unauthorized",
                status = 401,
                detail,
            }),
            context.HttpContext.RequestAborted);
    }
}
