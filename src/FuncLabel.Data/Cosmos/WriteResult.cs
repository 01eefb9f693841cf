namespace FuncLabel.Data.Cosmos;

/// <summary>Why a conditional write did not happen. Expected outcomes, not exceptions.</summary>
internal enum WriteFailure
{
    /// <summary>A create found the id taken (409).</summary>
    AlreadyExists,

    /// <summary>The <c>If-Match</c> ETag or the patch filter did not hold (412).</summary>
    Stale,

    /// <summary>The document to change does not exist (404).</summary>
    Missing,
}

/// <summary>The outcome of one conditional write: the stored document with its new ETag, or why not.</summary>
internal readonly record struct WriteResult<T>(T? Document, WriteFailure? Failure)
    where T : class
{
    public bool Succeeded => Failure is null;

    public static WriteResult<T> Ok(T document) => new(document, null);

    public static WriteResult<T> Failed(WriteFailure failure) => new(null, failure);

    /// <summary>The stored document; throws when the write failed, for callers that have already branched.</summary>
    public T Value => Document ?? throw new InvalidOperationException($"The write failed: {Failure}.");
}
