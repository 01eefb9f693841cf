using FuncLabel.Storage.Models;

namespace FuncLabel.Storage.Sas;

/// <summary>
/// Makes time-limited blob URLs for browsers and other clients: create-only upload URLs and read URLs.
/// </summary>
/// <remarks>
/// With an account key (Azurite, or an account that allows SharedKey) it signs a service SAS locally. Without one
/// (managed identity in Azure) it signs a user-delegation SAS with a key fetched by Get User Delegation Key and kept
/// until shortly before it expires, so most URLs cost no request. Times come from the injected <see cref="TimeProvider"/>:
/// the start is backdated by <see cref="ClockSkew"/> so a client whose clock runs a little behind can use the URL at once.
/// Thread-safe: concurrent callers may fetch a delegation key at the same time; the last one is kept, which is harmless.
/// </remarks>
public sealed class SasUrlFactory
{
    /// <summary>How far the signed start is backdated to tolerate clock differences.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>How long a fetched delegation key is requested for (the service allows up to 7 days).</summary>
    public static readonly TimeSpan DelegationKeyLifetime = TimeSpan.FromHours(6);

    private readonly BlobServiceClient _service;
    private readonly TimeProvider _time;
    private UserDelegationKey? _delegationKey;

    public SasUrlFactory(BlobServiceClient service, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _service = service;
        _time = timeProvider;
    }

    /// <summary>A URL that can create the blob and nothing else (<c>sp=c</c>): no read, no list, no delete; on Azure no overwrite.</summary>
    public Task<Uri> CreateUploadUrlAsync(string containerName, string blobName, TimeSpan validFor, CancellationToken cancellationToken = default) =>
        CreateUrlAsync(containerName, blobName, BlobSasPermissions.Create, validFor, cancellationToken);

    /// <summary>A URL that can read the blob (<c>sp=r</c>).</summary>
    public Task<Uri> CreateReadUrlAsync(string containerName, string blobName, TimeSpan validFor, CancellationToken cancellationToken = default) =>
        CreateUrlAsync(containerName, blobName, BlobSasPermissions.Read, validFor, cancellationToken);

    /// <summary>The blob's URL with a SAS granting <paramref name="permissions"/> from now until now + <paramref name="validFor"/>.</summary>
    public async Task<Uri> CreateUrlAsync(
        string containerName, string blobName, BlobSasPermissions permissions, TimeSpan validFor, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(validFor, TimeSpan.Zero);
        var blob = _service.GetBlobContainerClient(containerName).GetBlobClient(blobName);
        var now = _time.GetUtcNow();
        var parameters = new BlobSasParameters(
            _service.AccountName, containerName, blobName, permissions, now - ClockSkew, now + validFor,
            _service.Pipeline.Options.ServiceVersion, Protocol: blob.Uri.Scheme == Uri.UriSchemeHttps ? "https" : null);
        var query = _service.Pipeline.SharedKey is { } accountKey
            ? ServiceSasSigner.Query(parameters, accountKey)
            : UserDelegationSasSigner.Query(parameters, await DelegationKeyAsync(parameters, cancellationToken).ConfigureAwait(false));
        return new UriBuilder(blob.Uri) { Query = query }.Uri;
    }

    /// <summary>The cached key if it covers the SAS's whole validity, else a new one covering it.</summary>
    private async Task<UserDelegationKey> DelegationKeyAsync(BlobSasParameters sas, CancellationToken cancellationToken)
    {
        var cached = _delegationKey;
        if (cached is not null && cached.SignedStartsOn <= sas.StartsOn && cached.SignedExpiresOn >= sas.ExpiresOn)
        {
            return cached;
        }

        var start = sas.StartsOn ?? _time.GetUtcNow();
        var expiry = start + DelegationKeyLifetime > sas.ExpiresOn ? start + DelegationKeyLifetime : sas.ExpiresOn;
        var key = (await _service.GetUserDelegationKeyAsync(start, expiry, cancellationToken).ConfigureAwait(false)).Value;
        _delegationKey = key;
        return key;
    }
}
