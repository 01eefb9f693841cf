using System.Text.Json.Serialization;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Annotations;

/// <summary>
/// The answer to a classification question. Closed hierarchy: <see cref="RadioAnswer"/> (one option),
/// <see cref="ChecklistAnswer"/> (a set of options) and <see cref="TextAnswer"/> (free text). Nested questions hang
/// off the chosen options, as in Labelbox; free text has none.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(RadioAnswer), "radio")]
[JsonDerivedType(typeof(ChecklistAnswer), "checklist")]
[JsonDerivedType(typeof(TextAnswer), "text")]
public abstract record ClassificationAnswer
{
    private protected ClassificationAnswer()
    {
    }

    /// <summary>The ontology tool of the question this answers.</summary>
    [JsonIgnore]
    public abstract Tool Tool { get; }
}

/// <summary>Exactly one option chosen.</summary>
public sealed record RadioAnswer(SelectedOption Option) : ClassificationAnswer
{
    public override Tool Tool => Tool.Radio;
}

/// <summary>
/// A set of chosen options (possibly empty). Order carries no meaning, but is kept as given so an NDJSON line
/// round-trips byte-for-byte; the reader rejects the same option twice. Compare sets with <see cref="SameSelection"/>.
/// </summary>
public sealed record ChecklistAnswer(ValueList<SelectedOption> Options) : ClassificationAnswer
{
    public override Tool Tool => Tool.Checklist;

    /// <summary>True when both answers choose the same option ids, ignoring order and nested answers.</summary>
    public bool SameSelection(ChecklistAnswer other) =>
        Options.Count == other.Options.Count && Options.Select(o => o.SchemaId).ToHashSet(StringComparer.Ordinal).SetEquals(other.Options.Select(o => o.SchemaId));
}

/// <summary>Free text, compared exactly (ordinal).</summary>
public sealed record TextAnswer(string Text) : ClassificationAnswer
{
    public override Tool Tool => Tool.Text;
}
