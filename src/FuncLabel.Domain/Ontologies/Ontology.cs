using FuncLabel.Domain.Collections;

namespace FuncLabel.Domain.Ontologies;

/// <summary>
/// One immutable version of a project's ontology: the top-level classes (object tools and global
/// classifications), their nested questions and options, and the project's default confidence thresholds.
/// </summary>
/// <remarks>
/// Build one from untrusted input with <see cref="OntologyBuilder"/>, which assigns missing schema ids, checks
/// sibling-name and schema-id uniqueness and decides whether the input is a new version. Every change makes a
/// new version; labels pin the version they were made against. Equality is structural over
/// (<see cref="Version"/>, <see cref="DefaultThresholds"/>, <see cref="Classes"/>); the lookup indexes are derived.
/// </remarks>
public sealed record Ontology
{
    private readonly Dictionary<string, OntologyClass> _byName;
    private readonly Dictionary<string, OntologyClass> _bySchemaId;

    /// <summary>Creates an ontology from classes already known to be consistent (ids unique, names unique per parent).
    /// Use <see cref="OntologyBuilder.Build"/> for anything that came from outside.</summary>
    internal Ontology(int version, ConfidenceThresholds defaultThresholds, ValueList<OntologyClass> classes)
    {
        Version = version;
        DefaultThresholds = defaultThresholds;
        Classes = classes;
        _byName = new Dictionary<string, OntologyClass>(StringComparer.Ordinal);
        _bySchemaId = new Dictionary<string, OntologyClass>(StringComparer.Ordinal);
        foreach (var @class in classes)
        {
            _byName[@class.Name] = @class;
            _bySchemaId[@class.SchemaId] = @class;
        }
    }

    /// <summary>1 for the first version, +1 for every change.</summary>
    public int Version { get; }

    /// <summary>Project defaults for classes without their own <see cref="OntologyClass.Thresholds"/>.</summary>
    public ConfidenceThresholds DefaultThresholds { get; }

    /// <summary>Top-level classes in the order the owner gave them.</summary>
    public ValueList<OntologyClass> Classes { get; }

    /// <summary>The top-level class with this schema id, or null.</summary>
    public OntologyClass? FindBySchemaId(string schemaId) => _bySchemaId.GetValueOrDefault(schemaId);

    /// <summary>The top-level class with this name (ordinal, case-sensitive), or null.</summary>
    public OntologyClass? FindByName(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The thresholds that route pre-labels of <paramref name="class"/>.</summary>
    public ConfidenceThresholds ThresholdsFor(OntologyClass @class) => @class.Thresholds ?? DefaultThresholds;

    public bool Equals(Ontology? other) =>
        other is not null && Version == other.Version && DefaultThresholds == other.DefaultThresholds && Classes == other.Classes;

    public override int GetHashCode() => HashCode.Combine(Version, DefaultThresholds, Classes);
}
