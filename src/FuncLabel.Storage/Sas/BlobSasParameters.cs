using System.Text;

namespace FuncLabel.Storage.Sas;

/// <summary>
/// The signed fields of a blob-scoped SAS (<c>sr=b</c>) that FuncLabel uses. Fields it never sets (stored access
/// policy, IP range, snapshot, encryption scope, response-header overrides) are signed as empty strings.
/// </summary>
/// <param name="Protocol">null (any) or <c>https</c>; Azurite over http needs null.</param>
internal sealed record BlobSasParameters(
    string AccountName,
    string ContainerName,
    string BlobName,
    BlobSasPermissions Permissions,
    DateTimeOffset? StartsOn,
    DateTimeOffset ExpiresOn,
    string Version,
    string? Protocol = null)
{
    /// <summary><c>/blob/{account}/{container}/{blob}</c> with the blob name unencoded; no repeated account for path-style endpoints.</summary>
    public string CanonicalizedResource => $"/blob/{AccountName}/{ContainerName}/{BlobName}";

    public string PermissionText
    {
        get
        {
            var text = new StringBuilder(5);
            if (Permissions.HasFlag(BlobSasPermissions.Read)) text.Append('r');
            if (Permissions.HasFlag(BlobSasPermissions.Add)) text.Append('a');
            if (Permissions.HasFlag(BlobSasPermissions.Create)) text.Append('c');
            if (Permissions.HasFlag(BlobSasPermissions.Write)) text.Append('w');
            if (Permissions.HasFlag(BlobSasPermissions.Delete)) text.Append('d');
            return text.ToString();
        }
    }

    public string StartText => StartsOn is { } start ? SasTime.Format(start) : string.Empty;

    public string ExpiryText => SasTime.Format(ExpiresOn);
}
