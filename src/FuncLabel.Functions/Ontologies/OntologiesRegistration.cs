using FuncLabel.Data.Ontologies;

namespace FuncLabel.Functions.Ontologies;

/// <summary>The ontologies feature: a project's ontology and its versions.</summary>
internal static class OntologiesRegistration
{
    public static IServiceCollection AddOntologies(this IServiceCollection services)
    {
        services.AddSingleton<OntologyStore>();
        return services;
    }
}
