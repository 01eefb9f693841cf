using System.Net;
using FuncLabel.Data.Cosmos;
using Microsoft.Azure.Cosmos;

namespace FuncLabel.Functions.Http;

/// <summary>The HTTP status an exception that escaped a function answers with.</summary>
internal static class ErrorStatus
{
    /// <summary>
    /// Client errors raised while reading a request keep their status (413 for an oversized body, 400 for a body that
    /// is not JSON). A store that timed out, throttled or was unavailable is 503: the request did not fail for what it
    /// asked, and retrying it is right (every write is conditional, so a retried write that had gone through is
    /// refused, never doubled). A conditional update that kept losing to other writers is 409 (answered as
    /// <c>concurrent_change</c>: read again and retry). Anything else is a bug: 500.
    /// </summary>
    public static int For(Exception exception) => ClientError(exception) switch
    {
        { } bad => bad.StatusCode,
        null => exception switch
        {
            _ when Contention(exception) is not null => StatusCodes.Status409Conflict,
            CosmosException { StatusCode: HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } => StatusCodes.Status503ServiceUnavailable,
            _ when exception.InnerException is { } inner && For(inner) == StatusCodes.Status503ServiceUnavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        },
    };

    /// <summary>The request-reading error inside <paramref name="exception"/>: the worker wraps binding failures.</summary>
    public static BadHttpRequestException? ClientError(Exception exception) => Within<BadHttpRequestException>(exception);

    /// <summary>The conditional update inside <paramref name="exception"/> that gave up on contention.</summary>
    public static ConcurrentChangeException? Contention(Exception exception) => Within<ConcurrentChangeException>(exception);

    private static T? Within<T>(Exception exception)
        where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
