using Microsoft.AspNetCore.Cors.Infrastructure;

namespace FuncLabel.Functions.Hosting;

/// <summary>
/// Browser front ends are first-class: the app itself answers CORS preflight for the origins in
/// <c>Cors:AllowedOrigins</c> (app settings <c>Cors__AllowedOrigins__0</c>, <c>__1</c>, …), locally and in Azure alike
/// (the platform's own CORS is left empty so it does not answer first). <c>ETag</c> and <c>Location</c> are exposed
/// so a front end can send <c>If-Match</c> and follow creations. No origin is allowed unless configured.
/// </summary>
internal static class CorsSetup
{
    public const string SectionName = "Cors";

    public static IServiceCollection AddFuncLabelCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection($"{SectionName}:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.TrimEnd('/')).ToArray())
            .AllowAnyHeader()
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithExposedHeaders("ETag", "Location")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }
}
