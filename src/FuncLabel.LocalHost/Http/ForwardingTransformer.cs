using Yarp.ReverseProxy.Forwarder;

namespace FuncLabel.LocalHost.Http;

/// <summary>
/// Shapes the forwarded request as the Functions host does in <c>enableForwardingHttpRequest</c> mode
/// (docs/local-host.md, Forwarded HTTP): method, path (with the route prefix), query, headers and body unchanged — including
/// the caller's <c>Host</c> header, which the host copies too — plus the invocation id and host version headers and
/// the host's product appended to <c>User-Agent</c>.
/// </summary>
internal sealed class ForwardingTransformer : HttpTransformer
{
    public static readonly ForwardingTransformer Instance = new();

    public override async ValueTask TransformRequestAsync(
        HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        proxyRequest.Headers.Host = httpContext.Request.Host.Value;
        proxyRequest.Headers.TryAddWithoutValidation("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        proxyRequest.Headers.TryAddWithoutValidation("X-Azure-Functions-HostVersion", Invocation.FunctionExecutor.HostVersion);
        proxyRequest.Headers.UserAgent.Add(new System.Net.Http.Headers.ProductInfoHeaderValue("Azure-Functions-Host", Invocation.FunctionExecutor.HostVersion));
    }
}
