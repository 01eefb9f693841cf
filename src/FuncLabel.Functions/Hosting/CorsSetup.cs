using Microsoft.AspNetCore.Cors.Infrastructure;

namespace FuncLabel.Functions.Hosting;

/// <summary>
/// Browser front ends are first-class: the app itself answers CORS preflight for the origins in
/// <c>Cors:AllowedOrigins</c> (app settings <c>Cors__AllowedOrigins__0</c>, <c>__1</c>, …), locally and in Azure alike
/// (the platform's own CORS is left empty so it does not answer first). <c>ETag</c> and <c>Location</c> are exposed
/// so a front end can send <c>If-Match</c> and follow creations. No origin is allowed unless configured.
/// </summary>
public static class CorsSetup
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

    /// <summary>
    /// The framework's CORS middleware with its default policy, constructed here rather than by <c>UseCors()</c>:
    /// that one passes the policy provider as an extra <c>Invoke</c> argument, for which the framework compiles an
    /// expression tree when the pipeline is built — tens of milliseconds of every cold start (bench/results/startup.md).
    /// </summary>
    public static IApplicationBuilder UseFuncLabelCors(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        return app.Use(next =>
        {
            var middleware = new CorsMiddleware(next, services.GetRequiredService<ICorsService>(), services.GetRequiredService<ILoggerFactory>());
            var policies = services.GetRequiredService<ICorsPolicyProvider>();
            return context => middleware.Invoke(context, policies);
        });
    }
}
