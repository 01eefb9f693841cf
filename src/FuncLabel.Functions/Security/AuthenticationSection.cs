using Microsoft.AspNetCore.Authentication;

namespace FuncLabel.Functions.Security;

/// <summary>
/// The <c>Authentication</c> configuration section, where the bearer handler reads per-scheme settings (what
/// <c>AddAuthentication()</c> registers internally; <see cref="Authentication"/> registers the pieces it needs itself).
/// </summary>
internal sealed class AuthenticationSection(IConfiguration configuration) : IAuthenticationConfigurationProvider
{
    public IConfiguration AuthenticationConfiguration { get; } = configuration.GetSection("Authentication");
}
