using FuncLabel.Data.Catalog;
using FuncLabel.Data.Imports;

namespace FuncLabel.Functions.Ingestion;

/// <summary>
/// Fails imports left <c>running</c> by a run that died: its process was killed (host.json <c>functionTimeout</c>, a
/// crash, a scale-in) on every delivery until the host poisoned the message without invoking the function again, so
/// nothing would ever end the record. Run by the outbox sweep timer.
/// </summary>
/// <remarks>
/// A live run writes its <see cref="ImportDocument.HeartbeatAt"/> when it starts and at every progress save, and no
/// invocation outlives <c>functionTimeout</c> (10 minutes in host.json). A record whose heartbeat is older than
/// <see cref="DefaultStaleAfter"/> (setting <c>Imports:StaleAfter</c>, which must exceed <c>functionTimeout</c> plus the
/// queue's visibility timeout) therefore has no run behind it; it becomes failed (<c>stalled</c>) with a conditional
/// write, so a run that saved progress meanwhile wins. A delivery that still arrives later runs the file again
/// (<see cref="ImportFailureKinds.MayRunAgain"/>). Cost: one single-partition query per project per sweep.
/// </remarks>
internal sealed class StalledImports(CatalogStore catalog, ImportStore imports, IConfiguration configuration, TimeProvider time)
{
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromMinutes(15);

    /// <summary>Fails every stalled import of every project; returns how many.</summary>
    public async Task<int> FailStalledAsync(CancellationToken cancellationToken)
    {
        var staleAfter = configuration.GetValue("Imports:StaleAfter", DefaultStaleAfter);
        var failed = 0;
        await foreach (var projectId in catalog.AllProjectIdsAsync(cancellationToken))
        {
            var stalled = new List<ImportDocument>();
            await foreach (var running in imports.RunningAsync(projectId, cancellationToken))
            {
                if (time.GetUtcNow() - (running.HeartbeatAt ?? running.StartedAt) > staleAfter)
                {
                    stalled.Add(running);
                }
            }

            foreach (var import in stalled)
            {
                var now = time.GetUtcNow();
                var heartbeat = import.HeartbeatAt ?? import.StartedAt;
                var end = import with
                {
                    State = ImportState.Failed,
                    Failure = $"The import stopped making progress: no run has reported since {heartbeat:u} (longer than {staleAfter.TotalMinutes:0} minutes). Upload the file again, or redeliver its event, to run it again.",
                    FailureKind = ImportFailureKinds.Stalled,
                    FinishedAt = now,
                };
                if ((await imports.SaveAsync(end, "import.failed", now, cancellationToken)).Succeeded)
                {
                    failed++;
                }
            }
        }

        return failed;
    }
}
