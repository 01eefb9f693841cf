using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Ndjson;

/// <summary>What an NDJSON import is validated against.</summary>
public sealed record NdjsonReaderOptions
{
    public NdjsonReaderOptions(Ontology ontology, string projectId)
    {
        ArgumentNullException.ThrowIfNull(ontology);
        ArgumentException.ThrowIfNullOrEmpty(projectId);
        Ontology = ontology;
        ProjectId = projectId;
    }

    /// <summary>The project ontology version lines are resolved against.</summary>
    public Ontology Ontology { get; init; }

    /// <summary>The importing project; mask references must stay under <c>prelabels/{ProjectId}/</c>.</summary>
    public string ProjectId { get; init; }

    /// <summary>Absolute URLs of the <c>prelabels</c> container (with trailing slash) that mask <c>instanceURI</c>s may point
    /// into, e.g. <c>https://acct.blob.core.windows.net/prelabels/</c>. Relative references are always allowed.</summary>
    public IReadOnlyList<Uri> PrelabelsContainerUris { get; init; } = [];

    /// <summary>Longest accepted line in bytes (default 16 MiB, room for an inline PNG mask). Bounds the reader's memory.</summary>
    public int MaxLineBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The source given to accepted annotations.</summary>
    public AnnotationSource Source { get; init; } = AnnotationSource.Prelabel;

    /// <summary>Asset sizes for the out-of-bounds check, when the caller knows them; null or <see cref="AssetExtent.Unknown"/>
    /// checks only what holds for every asset (no negative coordinates).</summary>
    public Func<DataRowReference, AssetExtent>? ExtentOf { get; init; }

    /// <summary>How many (data row, uuid) pairs the duplicate check remembers (default 2,000,000, about 100 MB at worst).
    /// Past that, later duplicates are not reported; they then override earlier lines, as a re-import would.</summary>
    public int MaxTrackedUuids { get; init; } = 2_000_000;
}
