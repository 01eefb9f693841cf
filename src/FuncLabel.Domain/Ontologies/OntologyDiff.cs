using FuncLabel.Domain.Collections;

namespace FuncLabel.Domain.Ontologies;

/// <summary>
/// What changed between two ontology versions, keyed by schema id over every entry at every depth (classes,
/// nested questions and options).
/// </summary>
/// <remarks>
/// A removed entry, or one whose tool changed (its existing answers or geometries no longer fit), breaks labels that
/// use it; <see cref="BreakingFor"/> lists those among the ids in use (e.g. <see cref="Annotations.Label.UsedSchemaIds"/>
/// over the project's labels) so the API can refuse the change. Renames and additions never break anything.
/// </remarks>
public sealed record OntologyDiff(
    ValueList<string> Added,
    ValueList<string> Removed,
    ValueList<OntologyRename> Renamed,
    ValueList<string> ToolChanged)
{
    /// <summary>True when nothing at all changed in the entries (thresholds are not part of the diff).</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Renamed.Count == 0 && ToolChanged.Count == 0;

    public static OntologyDiff Between(Ontology before, Ontology after)
    {
        var old = Flatten(before);
        var current = Flatten(after);
        var added = current.Keys.Where(id => !old.ContainsKey(id)).ToValueList();
        var removed = old.Keys.Where(id => !current.ContainsKey(id)).ToValueList();
        var renamed = old.Where(e => current.TryGetValue(e.Key, out var now) && now.Name != e.Value.Name)
            .Select(e => new OntologyRename(e.Key, e.Value.Name, current[e.Key].Name)).ToValueList();
        var toolChanged = old.Where(e => current.TryGetValue(e.Key, out var now) && now.Tool != e.Value.Tool).Select(e => e.Key).ToValueList();
        return new OntologyDiff(added, removed, renamed, toolChanged);
    }

    /// <summary>The removed or tool-changed schema ids that appear in <paramref name="usedSchemaIds"/>.</summary>
    public IReadOnlyList<string> BreakingFor(IEnumerable<string> usedSchemaIds)
    {
        var used = usedSchemaIds as IReadOnlySet<string> ?? usedSchemaIds.ToHashSet(StringComparer.Ordinal);
        return Removed.Concat(ToolChanged).Where(used.Contains).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every entry by schema id; options have a null tool.</summary>
    private static Dictionary<string, (string Name, Tool? Tool)> Flatten(Ontology ontology)
    {
        var entries = new Dictionary<string, (string Name, Tool? Tool)>(StringComparer.Ordinal);
        foreach (var @class in ontology.Classes)
        {
            Add(@class);
        }

        return entries;

        void Add(OntologyClass @class)
        {
            entries[@class.SchemaId] = (@class.Name, @class.Tool);
            foreach (var nested in @class.Classifications)
            {
                Add(nested);
            }

            foreach (var option in @class.Options)
            {
                entries[option.SchemaId] = (option.Name, null);
                foreach (var nested in option.Classifications)
                {
                    Add(nested);
                }
            }
        }
    }
}

/// <summary>An entry whose name changed while its schema id stayed.</summary>
public sealed record OntologyRename(string SchemaId, string OldName, string NewName);
