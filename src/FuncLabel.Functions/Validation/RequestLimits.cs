namespace FuncLabel.Functions.Validation;

/// <summary>Configuration section <c>Limits</c>.</summary>
public sealed class RequestLimitSettings
{
    public const string SectionName = "Limits";

    /// <summary>Largest request body accepted, in bytes (default 4 MiB; pre-label files go to blob storage, not the API).</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}

/// <summary>
/// Refuses bodies over the limit with 413 before any handler runs: by the declared Content-Length at once;
/// a body without one (chunked) is counted while read and fails with 413 past the limit, before the handler
/// has parsed — let alone written — anything. Counting here, not in the server, makes the rule the same under
/// Kestrel, the Functions host's forwarding and the in-memory test server.
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

        if (context.Request.ContentLength is null)
        {
            context.Request.Body = new BodyLimitStream(context.Request.Body, settings.MaxBodyBytes);
        }

        await next(context);
    }
}

/// <summary>A read-only view of a request body that throws a 413 <see cref="BadHttpRequestException"/> past the limit.</summary>
internal sealed class BodyLimitStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        return _read > limit
            ? throw new BadHttpRequestException($"The body exceeds the limit of {limit} bytes.", StatusCodes.Status413PayloadTooLarge)
            : read;
    }
}
