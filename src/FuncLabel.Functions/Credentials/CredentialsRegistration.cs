using FuncLabel.Data.Credentials;

namespace FuncLabel.Functions.Credentials;

/// <summary>The credentials feature: credential types, grants, and the claim-time gate jobs use.</summary>
internal static class CredentialsRegistration
{
    public static IServiceCollection AddCredentials(this IServiceCollection services)
    {
        services.AddSingleton<CredentialStore>();
        services.AddSingleton<CredentialGate>();
        services.AddSingleton<ClaimGate>();
        services.AddScoped<CredentialServices>();
        return services;
    }
}
