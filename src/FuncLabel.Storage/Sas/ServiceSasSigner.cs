namespace FuncLabel.Storage.Sas;

/// <summary>
/// Service SAS for a blob, signed with the account key (sv 2020-12-06 and later).
/// </summary>
/// <remarks>
/// String-to-sign: 16 fields joined by <c>\n</c>, no trailing newline —
/// <c>sp, st, se, canonicalizedResource, si, sip, spr, sv, sr, snapshotTime, ses, rscc, rscd, rsce, rscl, rsct</c>
/// (docs/storage-client.md, Service SAS). The signature is base64(HMAC-SHA256(account key, UTF-8(string-to-sign))).
/// </remarks>
internal static class ServiceSasSigner
{
    public static string StringToSign(BlobSasParameters sas) => string.Join('\n',
        sas.PermissionText, sas.StartText, sas.ExpiryText, sas.CanonicalizedResource,
        string.Empty, string.Empty, sas.Protocol ?? string.Empty, sas.Version, "b",
        string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    /// <summary>The query string (without <c>?</c>): <c>sv, sr, sp, [st], se, [spr], sig</c>, values URL-encoded.</summary>
    public static string Query(BlobSasParameters sas, StorageSharedKeyCredential credential)
    {
        var signature = credential.ComputeHmacSha256(StringToSign(sas));
        var query = new SasQueryBuilder().Add("sv", sas.Version).Add("sr", "b").Add("sp", sas.PermissionText);
        return query.AddIfAny("st", sas.StartText).Add("se", sas.ExpiryText).AddIfAny("spr", sas.Protocol).Add("sig", signature).ToString();
    }
}
