using Yarp.ReverseProxy.Forwarder;

namespace FuncLabel.LocalHost.Http;

/// <summary>
/// Shapes a request forwarded to the worker's ASP.NET Core endpoint as the Functions host does: method, path (with the
/// route prefix), query, headers and body unchanged, plus <c>x-ms-invocation-id</c> — which pairs the request with
/// the invocation sent over gRPC; without it the worker answers 500 — and <c>X-Forwarded-Host</c>,
/// <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c>, which the worker applies, so a function sees the caller's
/// host and scheme.
/// </summary>
internal sealed class WorkerForwardingTransformer(string invocationId) : HttpTransformer
{
    public const string InvocationIdHeader = "x-ms-invocation-id";

    public override async ValueTask TransformRequestAsync(
        HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        var headers = proxyRequest.Headers;
        headers.Remove(InvocationIdHeader);
        headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);
        headers.Remove("X-Forwarded-Host");
        headers.TryAddWithoutValidation("X-Forwarded-Host", httpContext.Request.Host.Value);
        headers.Remove("X-Forwarded-Proto");
        headers.TryAddWithoutValidation("X-Forwarded-Proto", httpContext.Request.Scheme);
        if (httpContext.Connection.RemoteIpAddress is { } caller)
        {
            headers.Remove("X-Forwarded-For");
            headers.TryAddWithoutValidation("X-Forwarded-For", caller.ToString());
        }
    }
}
