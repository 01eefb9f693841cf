using FuncLabel.Data.Catalog;
using FuncLabel.Data.Projects;
using FuncLabel.Data.Users;

namespace FuncLabel.Functions.Projects;

/// <summary>The projects feature: projects, their members, and the catalog of project ids.</summary>
internal static class ProjectsRegistration
{
    public static IServiceCollection AddProjects(this IServiceCollection services)
    {
        services.AddSingleton<ProjectStore>();
        services.AddSingleton<CatalogStore>();
        services.AddSingleton<UserStore>();
        services.AddScoped<ProjectServices>();
        return services;
    }
}
