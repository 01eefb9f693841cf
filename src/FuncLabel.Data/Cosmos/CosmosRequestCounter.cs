using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Azure.Cosmos;

namespace FuncLabel.Data.Cosmos;

/// <summary>
/// Counts the Cosmos DB requests (round trips to the gateway) a client makes, by kind, with their total time.
/// Installed by tests and benchmarks through <see cref="CosmosDatabase"/>'s handler list to measure what one API call
/// costs; the kinds are told apart by HTTP method and the query header, since the SDK's operation type is not public.
/// </summary>
/// <remarks>
/// Counts are process-wide for the client it is installed on: measure one call at a time (nothing else running on
/// the client) and take the difference of two <see cref="Snapshot"/>s.
/// </remarks>
internal sealed class CosmosRequestCounter : RequestHandler
{
    private readonly ConcurrentDictionary<string, Tally> _tallies = new(StringComparer.Ordinal);

    public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            var tally = _tallies.GetOrAdd(KindOf(request), _ => new Tally());
            tally.Add(Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>The counts and times so far, by kind (<c>query</c>, <c>read</c>, <c>create</c>, <c>replace</c>, <c>patch</c>, <c>delete</c>, <c>upsert</c>, <c>metadata</c>).</summary>
    public CosmosRequestTally Snapshot() => new(_tallies.ToDictionary(p => p.Key, p => p.Value.Read(), StringComparer.Ordinal));

    private static string KindOf(RequestMessage request)
    {
        // Creates and queries are POSTs to the container (…/colls/{name}); point operations name the document
        // (…/docs/{id}); everything else is the SDK's metadata (account, container properties, partition key ranges).
        var path = request.RequestUri?.OriginalString ?? "";
        if (request.Method == HttpMethod.Post)
        {
            bool isQuery = request.Headers["x-ms-documentdb-isquery"] is { } q && q.Equals("true", StringComparison.OrdinalIgnoreCase);
            bool isUpsert = request.Headers["x-ms-documentdb-is-upsert"] is { } u && u.Equals("true", StringComparison.OrdinalIgnoreCase);
            return isQuery ? "query" : isUpsert ? "upsert" : "create";
        }

        if (!path.Contains("/docs/", StringComparison.Ordinal))
        {
            return "metadata";
        }

        return request.Method.Method switch
        {
            "GET" => "read",
            "PUT" => "replace",
            "PATCH" => "patch",
            "DELETE" => "delete",
            _ => request.Method.Method.ToLowerInvariant(),
        };
    }

    private sealed class Tally
    {
        private long _count;
        private long _ticks;

        public void Add(TimeSpan elapsed)
        {
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _ticks, elapsed.Ticks);
        }

        public (long Count, TimeSpan Elapsed) Read() => (Interlocked.Read(ref _count), TimeSpan.FromTicks(Interlocked.Read(ref _ticks)));
    }
}

/// <summary>Request counts and total times by kind at one moment; subtract two to get what happened in between.</summary>
internal sealed record CosmosRequestTally(IReadOnlyDictionary<string, (long Count, TimeSpan Elapsed)> ByKind)
{
    /// <summary>Every document request (metadata lookups the SDK caches excluded).</summary>
    public long Documents => ByKind.Where(p => p.Key != "metadata").Sum(p => p.Value.Count);

    public long Count(string kind) => ByKind.TryGetValue(kind, out var tally) ? tally.Count : 0;

    public CosmosRequestTally Since(CosmosRequestTally earlier) => new(ByKind.ToDictionary(
        p => p.Key,
        p => earlier.ByKind.TryGetValue(p.Key, out var before) ? (p.Value.Count - before.Count, p.Value.Elapsed - before.Elapsed) : p.Value,
        StringComparer.Ordinal));

    public override string ToString() => string.Join(", ", ByKind.Where(p => p.Value.Count > 0).OrderBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => $"{p.Key} {p.Value.Count} ({p.Value.Elapsed.TotalMilliseconds / Math.Max(1, p.Value.Count):0.00} ms avg)"));
}
