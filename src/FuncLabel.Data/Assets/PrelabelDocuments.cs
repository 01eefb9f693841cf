using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Data.Assets;

/// <summary>
/// One imported model annotation on an asset: container <c>labels</c>, pk <c>{assetId}</c>, id
/// <c>HashedIds.AnnotationId(uuid)</c> — so the same (data row, uuid) in a later import overwrites it (docs/product.md, uuids).
/// </summary>
/// <remarks>
/// Not a state document: it is data carried by an import, whose own record (with its ledger events) says who imported
/// what and when. Writes are idempotent upserts of deterministic content, so a redelivered import writes the same bytes.
/// </remarks>
internal sealed record PrelabelDocument : Cosmos.CosmosDocument
{
    public override string DocType => "prelabel";

    public required string ProjectId { get; init; }

    public required string AssetId { get; init; }

    public required Annotation Annotation { get; init; }

    /// <summary><see cref="ConfidenceRoute.Accept"/>: part of the final label, read-only context in the draw start;
    /// <see cref="ConfidenceRoute.Prelabel"/>: a starting point a human corrects. Dropped instances are never stored.</summary>
    public required ConfidenceRoute Route { get; init; }

    public required string ImportId { get; init; }

    public required long LineNumber { get; init; }

    public required int OntologyVersion { get; init; }

    /// <summary>The asset version (SHA-256) the annotation was applied to.</summary>
    public required string AssetVersion { get; init; }

    /// <summary>
    /// <see cref="Domain.Ingestion.PrelabelOrder"/> key of the line that wrote it: a line with a smaller key (an older
    /// file) never replaces it. Empty on documents written before keys existed (older than any key).
    /// </summary>
    public string ImportOrder { get; init; } = "";
}

/// <summary>
/// A valid pre-label line whose globalKey names no ingested asset yet: container <c>pending</c>, pk
/// <c>{projectId}:{HashedIds.GlobalKey(globalKey)}</c>, id <c>HashedIds.AnnotationId(uuid)</c>. Applied (turned into a
/// <see cref="PrelabelDocument"/>) and deleted when the asset arrives. The route was decided at import time.
/// </summary>
internal sealed record PendingPrelabelDocument : Cosmos.CosmosDocument
{
    public override string DocType => "pending-prelabel";

    public required string ProjectId { get; init; }

    public required string GlobalKey { get; init; }

    public required Annotation Annotation { get; init; }

    public required ConfidenceRoute Route { get; init; }

    public required string ImportId { get; init; }

    public required long LineNumber { get; init; }

    public required int OntologyVersion { get; init; }

    /// <summary>As <see cref="PrelabelDocument.ImportOrder"/>: a parked line is replaced only by a line of a file that is not older.</summary>
    public string ImportOrder { get; init; } = "";

    public static string PartitionFor(string projectId, string globalKey) => $"{projectId}:{Domain.Ingestion.HashedIds.GlobalKey(globalKey)}";
}

/// <summary>Reading an asset's pre-labels by route.</summary>
internal static class PrelabelRoutes
{
    /// <summary>
    /// The annotations of <paramref name="prelabels"/> routed <paramref name="route"/>: <see cref="ConfidenceRoute.Prelabel"/>
    /// is what a drawer starts from, <see cref="ConfidenceRoute.Accept"/> what is carried into the result as is.
    /// </summary>
    public static IReadOnlyList<Annotation> Routed(this IEnumerable<PrelabelDocument> prelabels, ConfidenceRoute route) =>
        [.. prelabels.Where(p => p.Route == route).Select(p => p.Annotation)];
}
