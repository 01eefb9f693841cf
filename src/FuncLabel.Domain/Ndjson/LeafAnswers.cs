using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// The resolved objects of an option chosen with nothing nested under it — the option, the radio answer choosing it,
/// the question answered so, and a classification list holding only that question — made once per reader and shared
/// by every line that makes the same choice. They are immutable records whose value does not depend on the line, and
/// most answers in a pre-label file are such choices, so a file's answers mostly allocate nothing.
/// </summary>
internal sealed class LeafAnswers
{
    private readonly Dictionary<(OntologyClass Question, OntologyOption Option), Leaf> _leaves = new(SameInstances.Instance);

    public Leaf Of(OntologyClass question, OntologyOption option)
    {
        if (!_leaves.TryGetValue((question, option), out var leaf))
        {
            var selected = new SelectedOption(option.SchemaId, ValueList<Classification>.Empty);
            var radio = new RadioAnswer(selected);
            var classification = new Classification(question.SchemaId, radio);
            leaf = new Leaf(selected, radio, classification, ValueList.Wrap(ImmutableArray.Create(classification)));
            _leaves.Add((question, option), leaf);
        }

        return leaf;
    }

    /// <summary>The shared objects of one (question, option) choice.</summary>
    /// <param name="Option">The chosen option with no nested answers.</param>
    /// <param name="Radio">The radio answer choosing it (unused for checklist questions).</param>
    /// <param name="Classification">The question answered with <paramref name="Radio"/>.</param>
    /// <param name="Alone">A classification list holding only <paramref name="Classification"/>.</param>
    internal sealed record Leaf(SelectedOption Option, RadioAnswer Radio, Classification Classification, ValueList<Classification> Alone);

    /// <summary>Keys by instance: ontology records compare by value, and a lookup per answer should not walk them.</summary>
    private sealed class SameInstances : IEqualityComparer<(OntologyClass Question, OntologyOption Option)>
    {
        public static SameInstances Instance { get; } = new();

        public bool Equals((OntologyClass Question, OntologyOption Option) x, (OntologyClass Question, OntologyOption Option) y) =>
            ReferenceEquals(x.Question, y.Question) && ReferenceEquals(x.Option, y.Option);

        public int GetHashCode((OntologyClass Question, OntologyOption Option) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Question), RuntimeHelpers.GetHashCode(obj.Option));
    }
}
