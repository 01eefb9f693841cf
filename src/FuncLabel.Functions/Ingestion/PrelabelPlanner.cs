using System.Diagnostics;
using System.Runtime.CompilerServices;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Imports;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Domain.Ndjson;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Functions.Ingestion;

/// <summary>One write an import owes: a pre-label on a known asset, or a line parked until its asset arrives.</summary>
internal sealed record PlannedWrite(PrelabelDocument? Prelabel, PendingPrelabelDocument? Pending);

/// <summary>
/// Reads an NDJSON pre-label stream and decides what each line becomes, counting as it goes (<see cref="Tally"/>):
/// rejected (validation, or an unknown asset <c>id</c>), dropped (below <c>dropBelow</c>), parked (unknown
/// <c>globalKey</c>), or a pre-label routed to accepted / to review. Shared by the import and the dry run, so both
/// count the same way; the dry run just never performs the writes.
/// </summary>
/// <remarks>
/// Data rows are resolved with point reads (<c>id</c> directly, <c>globalKey</c> through its hashed id), cached per
/// planner up to <see cref="MaxCachedAssets"/> entries. Lines on a known asset are bounds-checked against its
/// ingested size; parked lines only against what holds for every asset (their asset's size is not known yet). <see cref="ParseTime"/> accumulates the time spent between
/// yields (reading, parsing, validating, resolving), so a caller can tell parsing from writing.
/// </remarks>
internal sealed class PrelabelPlanner(string projectId, string importId, Ontology ontology, AssetStore assets)
{
    public const int MaxCachedAssets = 100_000;
    private readonly Dictionary<string, AssetDocument?> _assets = new(StringComparer.Ordinal);

    public ImportTally Tally { get; } = new();

    public TimeSpan ParseTime { get; private set; }

    /// <summary>Longest accepted line (setting <c>Imports:MaxLineBytes</c>); longer lines are rejected as <c>line_too_long</c>.</summary>
    public int MaxLineBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Called for every rejected line, in file order.</summary>
    public Func<ImportLineError, CancellationToken, ValueTask>? OnRejected { get; init; }

    /// <summary>Called once per schema id before the first write that uses it (to keep the usage set ahead of labels).</summary>
    public Func<IReadOnlyCollection<string>, CancellationToken, Task>? OnNewSchemaIds { get; init; }

    /// <summary>
    /// <see cref="PrelabelOrder.ImportPrefix"/> of the file being read; each planned document carries its line's key so
    /// that a line of an older file never replaces one of a newer file. The dry run never writes and leaves it empty.
    /// </summary>
    public string ImportOrderPrefix { get; init; } = "";

    /// <summary>globalKeys that got parked lines.</summary>
    public HashSet<string> ParkedKeys { get; } = new(StringComparer.Ordinal);

    private readonly HashSet<string> _usedSchemaIds = new(StringComparer.Ordinal);

    public async IAsyncEnumerable<PlannedWrite> PlanAsync(Stream ndjson, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new NdjsonPrelabelReader(new NdjsonReaderOptions(ontology, projectId) { MaxLineBytes = MaxLineBytes });
        var watch = Stopwatch.StartNew();
        await foreach (var line in reader.ReadAsync(ndjson, cancellationToken).ConfigureAwait(false))
        {
            PlannedWrite? write = null;
            if (line.Error is { } error)
            {
                await RejectAsync(new ImportLineError(error.LineNumber, error.Uuid, error.Field, SnakeCase(error.Reason), error.Message), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                write = await PlanAsync(line.Record!, cancellationToken).ConfigureAwait(false);
            }

            if (write is not null)
            {
                ParseTime += watch.Elapsed;
                yield return write;
                watch.Restart();
            }
        }

        ParseTime += watch.Elapsed;
    }

    private async Task<PlannedWrite?> PlanAsync(NdjsonRecord record, CancellationToken cancellationToken)
    {
        var annotation = record.Annotation;
        var route = PrelabelRouting.Route(ontology, annotation);
        if (route == ConfidenceRoute.Drop)
        {
            Tally.Keep(route, pending: false);
            return null;
        }

        var dataRow = record.DataRow;
        var asset = await LookupAsync(dataRow.Id ?? HashedIds.AssetId(projectId, dataRow.GlobalKey!), cancellationToken).ConfigureAwait(false);
        if (dataRow.Id is not null && asset is null)
        {
            await RejectAsync(new ImportLineError(record.LineNumber, annotation.Uuid.ToString(), "dataRow.id", "unknown_data_row", $"No asset with id '{dataRow.Id}' in this project."), cancellationToken).ConfigureAwait(false);
            return null;
        }

        // The reader checks only what holds for every asset; the asset's own size is known once it is resolved.
        if (asset?.Current is { } version && annotation.Geometry is { } geometry
            && GeometryPolicy.Check(geometry, new AssetExtent(version.Width, version.Height, version.CodePoints)).Problem is { Kind: GeometryProblemKind.OutOfBounds } problem)
        {
            await RejectAsync(new ImportLineError(record.LineNumber, annotation.Uuid.ToString(), problem.Field, "out_of_bounds", problem.Message), cancellationToken).ConfigureAwait(false);
            return null;
        }

        await NoteSchemaIdsAsync(annotation, cancellationToken).ConfigureAwait(false);
        var documentId = HashedIds.AnnotationId(annotation.Uuid);
        var order = PrelabelOrder.ForLine(ImportOrderPrefix, record.LineNumber);
        if (asset is null)
        {
            Tally.Keep(route, pending: true);
            ParkedKeys.Add(dataRow.GlobalKey!);
            return new PlannedWrite(null, new PendingPrelabelDocument
            {
                Id = documentId,
                Pk = PendingPrelabelDocument.PartitionFor(projectId, dataRow.GlobalKey!),
                ProjectId = projectId,
                GlobalKey = dataRow.GlobalKey!,
                Annotation = annotation,
                Route = route,
                ImportId = importId,
                LineNumber = record.LineNumber,
                OntologyVersion = ontology.Version,
                ImportOrder = order,
            });
        }

        Tally.Keep(route, pending: false);
        return new PlannedWrite(new PrelabelDocument
        {
            Id = documentId,
            Pk = asset.Id,
            ProjectId = projectId,
            AssetId = asset.Id,
            Annotation = annotation,
            Route = route,
            ImportId = importId,
            LineNumber = record.LineNumber,
            OntologyVersion = ontology.Version,
            AssetVersion = asset.Current!.Sha256,
            ImportOrder = order,
        }, null);
    }

    private async ValueTask RejectAsync(ImportLineError error, CancellationToken cancellationToken)
    {
        Tally.Reject(error.Reason);
        if (OnRejected is not null)
        {
            await OnRejected(error, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task NoteSchemaIdsAsync(Annotation annotation, CancellationToken cancellationToken)
    {
        List<string>? fresh = null;
        foreach (var id in SchemaIdWalk.Of(annotation))
        {
            if (_usedSchemaIds.Add(id))
            {
                (fresh ??= []).Add(id);
            }
        }

        if (fresh is not null && OnNewSchemaIds is not null)
        {
            await OnNewSchemaIds(fresh, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The live asset with this id, or null (missing or deleted). Cached.</summary>
    private async Task<AssetDocument?> LookupAsync(string assetId, CancellationToken cancellationToken)
    {
        if (_assets.TryGetValue(assetId, out var cached))
        {
            return cached;
        }

        var asset = await assets.GetAsync(projectId, assetId, cancellationToken).ConfigureAwait(false);
        asset = asset?.Current is null ? null : asset;
        if (_assets.Count < MaxCachedAssets)
        {
            _assets[assetId] = asset;
        }

        return asset;
    }

    internal static string SnakeCase(NdjsonErrorReason reason) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString());
}
