using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Ingestion;

/// <summary>
/// Confidence routing of imported instances (docs/product.md, capability 2): each instance is routed by the thresholds of
/// its top-level class (<see cref="Ontology.ThresholdsFor"/>, falling back to the project defaults). Nested answers
/// travel with their instance; they are never routed on their own.
/// </summary>
public static class PrelabelRouting
{
    /// <summary>The band of <paramref name="annotation"/>; a class the ontology does not have routes as a pre-label
    /// (the reader refuses such lines before they get here).</summary>
    public static ConfidenceRoute Route(Ontology ontology, Annotation annotation) =>
        ontology.FindBySchemaId(annotation.SchemaId) is { } @class
            ? ontology.ThresholdsFor(@class).Route(annotation.Confidence)
            : ConfidenceRoute.Prelabel;
}

/// <summary>
/// The counts of an import (or a dry run). Every non-blank line is counted exactly once in <see cref="Lines"/> and in
/// exactly one of <see cref="Rejected"/>, <see cref="Dropped"/>, <see cref="Pending"/>, <see cref="Accepted"/> and
/// <see cref="ToReview"/>: rejected = refused by validation or naming an unknown asset id; dropped = below
/// <c>dropBelow</c>; pending = valid, kept, but its globalKey's asset is not ingested yet (waits in <c>pending</c>);
/// accepted = at or above <c>autoAcceptAt</c>; toReview = a pre-label a human corrects.
/// <see cref="Reasons"/> counts rejected lines per reason code.
/// </summary>
public sealed record ImportCounts(
    long Lines,
    long Accepted,
    long ToReview,
    long Dropped,
    long Rejected,
    long Pending,
    IReadOnlyDictionary<string, long> Reasons)
{
    public static ImportCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, new Dictionary<string, long>());
}

/// <summary>
/// A mutable tally behind <see cref="ImportCounts"/>. One producer counts; <see cref="Snapshot"/> may be taken from
/// other threads meanwhile (the importer's writers save progress while the reader goes on), hence the lock.
/// </summary>
public sealed class ImportTally
{
    private readonly SortedDictionary<string, long> _reasons = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public long Lines { get; private set; }

    public long Accepted { get; private set; }

    public long ToReview { get; private set; }

    public long Dropped { get; private set; }

    public long Rejected { get; private set; }

    public long Pending { get; private set; }

    public void Reject(string reason)
    {
        lock (_gate)
        {
            Rejected++;
            _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
            Lines++;
        }
    }

    /// <summary>Counts a valid line: dropped, pending (asset not there yet), or accepted/to review.</summary>
    public void Keep(ConfidenceRoute route, bool pending)
    {
        lock (_gate)
        {
            Count(route, pending);
            Lines++;
        }
    }

    private void Count(ConfidenceRoute route, bool pending)
    {
        if (route == ConfidenceRoute.Drop)
        {
            Dropped++;
        }
        else if (pending)
        {
            Pending++;
        }
        else if (route == ConfidenceRoute.Accept)
        {
            Accepted++;
        }
        else
        {
            ToReview++;
        }
    }

    public ImportCounts Snapshot()
    {
        lock (_gate)
        {
            return new(Lines, Accepted, ToReview, Dropped, Rejected, Pending, new Dictionary<string, long>(_reasons));
        }
    }
}
