using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace FuncLabel.Data.Storage;

/// <summary>
/// Time-limited URLs for one blob, for browsers and other clients: create-only upload URLs and read URLs, built with the
/// SDK's <see cref="BlobSasBuilder"/>.
/// </summary>
/// <remarks>
/// With an account key (a connection string: Azurite locally) the client signs a service SAS itself. Without one
/// (Entra ID: the managed identity in Azure) it signs a user-delegation SAS with a key from Get User Delegation Key,
/// kept until it no longer covers a new URL's validity, so most URLs cost no request. Each URL names one blob
/// (<c>sr=b</c>) and only the permission asked for; it starts <see cref="ClockSkew"/> before now (so a client whose
/// clock runs a little behind can use it at once) and is HTTPS-only when the endpoint is HTTPS. Times come from the
/// injected <see cref="TimeProvider"/>. Thread-safe: concurrent callers may fetch a delegation key at the same time;
/// the last one is kept, which is harmless.
/// </remarks>
internal sealed class BlobUrlSigner(BlobServiceClient service, TimeProvider time)
{
    /// <summary>How far the signed start is backdated to tolerate clock differences.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>How long a fetched delegation key is requested for (the service allows up to 7 days).</summary>
    public static readonly TimeSpan DelegationKeyLifetime = TimeSpan.FromHours(6);

    private UserDelegationKey? _delegationKey;

    /// <summary>
    /// A URL that can create the blob and nothing else (<c>sp=c</c>): no read, no list, no delete; a blob that already
    /// exists cannot be overwritten through it.
    /// </summary>
    public Task<Uri> CreateUploadUrlAsync(string containerName, string blobName, TimeSpan validFor, CancellationToken cancellationToken) =>
        CreateUrlAsync(containerName, blobName, BlobSasPermissions.Create, validFor, cancellationToken);

    /// <summary>A URL that can read the blob and nothing else (<c>sp=r</c>).</summary>
    public Task<Uri> CreateReadUrlAsync(string containerName, string blobName, TimeSpan validFor, CancellationToken cancellationToken) =>
        CreateUrlAsync(containerName, blobName, BlobSasPermissions.Read, validFor, cancellationToken);

    private async Task<Uri> CreateUrlAsync(
        string containerName, string blobName, BlobSasPermissions permissions, TimeSpan validFor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(validFor, TimeSpan.Zero);
        var blob = service.GetBlobContainerClient(containerName).GetBlobClient(blobName);
        var now = time.GetUtcNow();
        var sas = new BlobSasBuilder(permissions, now + validFor)
        {
            BlobContainerName = containerName,
            BlobName = blobName,
            Resource = "b",
            StartsOn = now - ClockSkew,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.None,
        };
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        var key = await DelegationKeyAsync(sas.StartsOn, sas.ExpiresOn, cancellationToken).ConfigureAwait(false);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, service.AccountName) }.ToUri();
    }

    /// <summary>The cached key if it covers the whole validity, else a new one from <paramref name="startsOn"/> covering it.</summary>
    private async Task<UserDelegationKey> DelegationKeyAsync(DateTimeOffset startsOn, DateTimeOffset expiresOn, CancellationToken cancellationToken)
    {
        var cached = _delegationKey;
        if (cached is not null && cached.SignedStartsOn <= startsOn && cached.SignedExpiresOn >= expiresOn)
        {
            return cached;
        }

        var keyExpiry = startsOn + DelegationKeyLifetime > expiresOn ? startsOn + DelegationKeyLifetime : expiresOn;
        var key = (await service.GetUserDelegationKeyAsync(startsOn, keyExpiry, cancellationToken).ConfigureAwait(false)).Value;
        _delegationKey = key;
        return key;
    }
}
