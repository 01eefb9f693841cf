namespace FuncLabel.Functions.Validation;

/// <summary>
/// A read-only pass-through that counts the bytes read (import progress) and, given a limit, throws a 413
/// <see cref="BadHttpRequestException"/> once more than that was read (request bodies without a Content-Length).
/// </summary>
/// <remarks><see cref="BytesRead"/> may be read from another thread than the one reading the stream.</remarks>
internal sealed class CountingStream(Stream inner, long? limit = null) : Stream
{
    private long _read;

    public long BytesRead => Interlocked.Read(ref _read);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

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
        var total = Interlocked.Add(ref _read, read);
        return total > limit
            ? throw new BadHttpRequestException($"The body exceeds the limit of {limit} bytes.", StatusCodes.Status413PayloadTooLarge)
            : read;
    }
}
