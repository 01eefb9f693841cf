using Microsoft.AspNetCore.Http.Features;

namespace FuncLabel.Functions.Validation;

/// <summary>Configuration section <c>Limits</c>.</summary>
public sealed class RequestLimitSettings
{
    public const string SectionName = "Limits";

    /// <summary>Largest request body accepted, in bytes (default 4 MiB; pre-label files go to blob storage, not the API).</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}

/// <summary>
/// Refuses bodies over the limit with 413 before any handler runs: by the declared Content-Length at once,
/// and for chunked bodies through the server's limit while reading (mapped to 413 by the exception handler).
/// </summary>
public sealed class RequestLimitMiddleware(RequestDelegate next, RequestLimitSettings settings)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > settings.MaxBodyBytes)
        {
            await Problems.Write(context, StatusCodes.Status413PayloadTooLarge, "Payload too large",
                $"The body is {context.Request.ContentLength} bytes; the limit is {settings.MaxBodyBytes}.");
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = settings.MaxBodyBytes;
        }

        await next(context);
    }
}
