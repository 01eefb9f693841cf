using System.Diagnostics;
using Azure;
using FuncLabel.Data;

namespace FuncLabel.Functions.Hosting;

/// <summary>Times one cheap authenticated Storage call and turns its failure into an unhealthy result.</summary>
internal static class StorageProbe
{
    /// <summary>Bounds the probe so the client's retries (up to ~13 s of back-off) do not stall the health endpoint.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<ProbeResult> RunAsync(Func<CancellationToken, Task<Response>> call, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Timeout);
        try
        {
            await call(bounded.Token).ConfigureAwait(false);
            return ProbeResult.Ok(watch.Elapsed);
        }
        catch (RequestFailedException e)
        {
            return ProbeResult.Failing(watch.Elapsed, e.Status == 0 ? e.Message : $"{e.Status} {e.ErrorCode}");
        }
        catch (Exception e) when (e is AggregateException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Failing(watch.Elapsed, e.Message);
        }
    }

    /// <summary>Fetches the first page of a listing, asking for one item, and returns its response.</summary>
    public static async Task<Response> FirstPageAsync<T>(AsyncPageable<T> listing, CancellationToken cancellationToken)
        where T : notnull
    {
        await foreach (var page in listing.AsPages(pageSizeHint: 1).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            return page.GetRawResponse();
        }

        throw new InvalidOperationException("A listing returned no page.");
    }
}
