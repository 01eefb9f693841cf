using FuncLabel.Data.Cosmos;

namespace FuncLabel.Data.Outbox;

/// <summary>
/// The one way state documents are written: one conditional write, then its outbox performed.
/// A crash between the two leaves the entries on the document for <see cref="OutboxSweep"/>.
/// </summary>
internal sealed class StateWriter(CosmosDatabase database, OutboxRelay relay, OutboxFaults faults)
{
    public async Task<WriteResult<T>> CreateAsync<T>(ContainerDefinition container, T document, CancellationToken cancellationToken)
        where T : VersionedDocument
    {
        var result = await database.Container(container).CreateAsync(document, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? WriteResult<T>.Ok(await AfterWriteAsync(container, result.Value, cancellationToken).ConfigureAwait(false)) : result;
    }

    /// <summary>Replaces <paramref name="document"/> if it still has the ETag it was read with.</summary>
    public async Task<WriteResult<T>> ReplaceAsync<T>(ContainerDefinition container, T document, CancellationToken cancellationToken, SideEffects sideEffects = SideEffects.Perform)
        where T : VersionedDocument
    {
        var etag = document.ETag ?? throw new ArgumentException("Replace needs the document as read, with its ETag.", nameof(document));
        var result = await database.Container(container).ReplaceAsync(document, etag, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? WriteResult<T>.Ok(await AfterWriteAsync(container, result.Value, cancellationToken, sideEffects).ConfigureAwait(false)) : result;
    }

    private async Task<T> AfterWriteAsync<T>(ContainerDefinition container, T written, CancellationToken cancellationToken, SideEffects sideEffects = SideEffects.Perform)
        where T : VersionedDocument
    {
        faults.AfterStateWrite();
        switch (sideEffects)
        {
            case SideEffects.Leave:
                return written;
            case SideEffects.SendMessages:
                await relay.SendAsync(written.Outbox, cancellationToken).ConfigureAwait(false);
                return written;
            default:
                var etag = await relay.PerformAsync(container, written.Pk, written.Id, written.ETag!, written.Outbox, cancellationToken).ConfigureAwait(false);
                return etag == written.ETag ? written : written with { Outbox = [], ETag = etag };
        }
    }
}

/// <summary>
/// A fault that tests arm to kill the work between a state write and its side effects, proving the
/// sweep completes them. Never armed outside tests; costs one field read per write.
/// </summary>
internal sealed class OutboxFaults
{
    private volatile bool _failAfterStateWrite;

    public void ArmFailAfterStateWrite(bool armed) => _failAfterStateWrite = armed;

    internal void AfterStateWrite()
    {
        if (_failAfterStateWrite)
        {
            throw new InjectedFaultException();
        }
    }
}

internal sealed class InjectedFaultException() : Exception("Injected fault between the state write and its outbox.");
