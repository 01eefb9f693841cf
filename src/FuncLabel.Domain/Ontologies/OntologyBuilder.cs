using System.Collections.Immutable;
using FuncLabel.Domain.Collections;

namespace FuncLabel.Domain.Ontologies;

/// <summary>
/// Turns a submitted <see cref="OntologyDraft"/> into an <see cref="Ontology"/> version, or into the list of reasons
/// it was refused.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Missing schema ids: reuse the previous version's id of the sibling with the same name and tool, else derive
/// one (<see cref="SchemaIds.Derive"/>). Given ids are kept as they are.</item>
/// <item>Rules: non-blank names unique among siblings; schema ids unique across the whole ontology (classes,
/// questions and options share one id space, as in Labelbox); radio and checklist have at least one option and
/// other tools none; object classes nest only classification questions and classification questions nest only
/// through options; thresholds lie in [0, 1] with dropBelow ≤ autoAcceptAt and only on top-level classes.</item>
/// <item>Versioning: if the result equals <paramref name="previous"/> in content, the previous version is returned
/// unchanged (<see cref="OntologyBuildResult.Changed"/> false), so resubmitting is idempotent; otherwise the version
/// is previous + 1 (or 1).</item>
/// </list>
/// </remarks>
public static class OntologyBuilder
{
    public static OntologyBuildResult Build(OntologyDraft draft, Ontology? previous)
    {
        var context = new BuildContext();
        ConfidenceThresholds defaults = ConfidenceThresholds.Default;
        var dropBelow = draft.DropBelow ?? 0;
        if (!ConfidenceThresholds.AreValid(draft.AutoAcceptAt, dropBelow))
        {
            context.Fail(OntologyErrorKind.InvalidThresholds, "autoAcceptAt", "Thresholds lie in [0, 1] and dropBelow <= autoAcceptAt.");
        }
        else
        {
            defaults = new ConfidenceThresholds(draft.AutoAcceptAt, dropBelow);
        }

        var classes = context.BuildClasses(draft.Classes, "classes", parentSchemaId: string.Empty, previous?.Classes, topLevel: true, nested: false);
        if (context.Errors.Count > 0)
        {
            return new OntologyBuildResult(null, context.Errors.ToValueList(), Changed: false);
        }

        if (previous is not null && previous.DefaultThresholds == defaults && previous.Classes == classes)
        {
            return new OntologyBuildResult(previous, ValueList<OntologyError>.Empty, Changed: false);
        }

        var version = checked((previous?.Version ?? 0) + 1);
        return new OntologyBuildResult(new Ontology(version, defaults, classes), ValueList<OntologyError>.Empty, Changed: true);
    }

    private sealed class BuildContext
    {
        private readonly HashSet<string> _schemaIds = new(StringComparer.Ordinal);

        public List<OntologyError> Errors { get; } = [];

        public void Fail(OntologyErrorKind kind, string path, string message) => Errors.Add(new OntologyError(kind, path, message));

        public ValueList<OntologyClass> BuildClasses(IReadOnlyList<OntologyClassDraft>? drafts, string path, string parentSchemaId, ValueList<OntologyClass>? previousSiblings, bool topLevel, bool nested)
        {
            if (drafts is null || drafts.Count == 0)
            {
                return ValueList<OntologyClass>.Empty;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            var built = ImmutableArray.CreateBuilder<OntologyClass>(drafts.Count);
            for (var i = 0; i < drafts.Count; i++)
            {
                var draft = drafts[i];
                var itemPath = $"{path}[{i}]";
                if (CheckName(draft.Name, names, itemPath) is false)
                {
                    continue;
                }

                if (nested && !draft.Tool.IsClassification())
                {
                    Fail(OntologyErrorKind.NestedToolNotAllowed, $"{itemPath}.tool", "Nested questions use radio, checklist or text.");
                }

                var previousClass = previousSiblings?.FirstOrDefault(c => c.Name == draft.Name && c.Tool == draft.Tool);
                var schemaId = ClaimSchemaId(draft.SchemaId ?? previousClass?.SchemaId ?? SchemaIds.Derive(parentSchemaId, $"class:{draft.Tool}", draft.Name), itemPath);
                var thresholds = BuildThresholds(draft, itemPath, topLevel);
                var options = BuildOptions(draft, itemPath, schemaId, previousClass);
                ValueList<OntologyClass> classifications = ValueList<OntologyClass>.Empty;
                if (draft.Classifications is { Count: > 0 })
                {
                    if (draft.Tool.IsClassification())
                    {
                        Fail(OntologyErrorKind.NestedToolNotAllowed, $"{itemPath}.classifications", "Questions nest under options, not directly under a question.");
                    }
                    else
                    {
                        classifications = BuildClasses(draft.Classifications, $"{itemPath}.classifications", schemaId, previousClass?.Classifications, topLevel: false, nested: true);
                    }
                }

                built.Add(new OntologyClass(schemaId, draft.Name, draft.Tool, classifications, options, thresholds));
            }

            return ValueList.Wrap(built.ToImmutable());
        }

        private ValueList<OntologyOption> BuildOptions(OntologyClassDraft draft, string path, string schemaId, OntologyClass? previousClass)
        {
            var drafts = draft.Options ?? [];
            if (draft.Tool.HasOptions() != drafts.Count > 0)
            {
                Fail(OntologyErrorKind.OptionsMismatch, $"{path}.options", draft.Tool.HasOptions() ? "Radio and checklist need at least one option." : $"A {draft.Tool} class has no options.");
                return ValueList<OntologyOption>.Empty;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            var built = ImmutableArray.CreateBuilder<OntologyOption>(drafts.Count);
            for (var i = 0; i < drafts.Count; i++)
            {
                var option = drafts[i];
                var optionPath = $"{path}.options[{i}]";
                if (CheckName(option.Name, names, optionPath) is false)
                {
                    continue;
                }

                var previousOption = previousClass?.Options.FirstOrDefault(o => o.Name == option.Name);
                var optionId = ClaimSchemaId(option.SchemaId ?? previousOption?.SchemaId ?? SchemaIds.Derive(schemaId, "option", option.Name), optionPath);
                var nested = BuildClasses(option.Classifications, $"{optionPath}.classifications", optionId, previousOption?.Classifications, topLevel: false, nested: true);
                built.Add(new OntologyOption(optionId, option.Name, nested));
            }

            return ValueList.Wrap(built.ToImmutable());
        }

        private ConfidenceThresholds? BuildThresholds(OntologyClassDraft draft, string path, bool topLevel)
        {
            if (draft.AutoAcceptAt is null && draft.DropBelow is null)
            {
                return null;
            }

            if (!topLevel)
            {
                Fail(OntologyErrorKind.ThresholdsOnNested, path, "Only top-level classes have confidence thresholds.");
                return null;
            }

            var dropBelow = draft.DropBelow ?? 0;
            if (!ConfidenceThresholds.AreValid(draft.AutoAcceptAt, dropBelow))
            {
                Fail(OntologyErrorKind.InvalidThresholds, path, "Thresholds lie in [0, 1] and dropBelow <= autoAcceptAt.");
                return null;
            }

            return new ConfidenceThresholds(draft.AutoAcceptAt, dropBelow);
        }

        private bool CheckName(string? name, HashSet<string> siblings, string path)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                Fail(OntologyErrorKind.EmptyName, $"{path}.name", "A name is required.");
                return false;
            }

            if (!siblings.Add(name))
            {
                Fail(OntologyErrorKind.DuplicateName, $"{path}.name", $"'{name}' is used twice at this level.");
                return false;
            }

            return true;
        }

        private string ClaimSchemaId(string schemaId, string path)
        {
            if (string.IsNullOrWhiteSpace(schemaId) || !_schemaIds.Add(schemaId))
            {
                Fail(OntologyErrorKind.DuplicateSchemaId, $"{path}.schemaId", $"Schema id '{schemaId}' is empty or used twice.");
            }

            return schemaId;
        }
    }
}

/// <summary>The outcome of <see cref="OntologyBuilder.Build"/>: an ontology (new or the unchanged previous one) or errors.</summary>
/// <param name="Ontology">Null exactly when <paramref name="Errors"/> is not empty.</param>
/// <param name="Changed">True when <paramref name="Ontology"/> is a new version.</param>
public sealed record OntologyBuildResult(Ontology? Ontology, ValueList<OntologyError> Errors, bool Changed);
