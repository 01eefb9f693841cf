using System.Security.Cryptography;
using System.Text;
using FuncLabel.Storage.Models;

namespace FuncLabel.Storage.Sas;

/// <summary>
/// User-delegation SAS for a blob, signed with a key from Get User Delegation Key (sv 2020-12-06 and later).
/// </summary>
/// <remarks>
/// String-to-sign, from the REST documentation "Create a user delegation SAS", section "Version 2020-12-06 and later":
/// 24 fields joined by <c>\n</c> — <c>signedPermissions, signedStart, signedExpiry, canonicalizedResource,
/// signedKeyObjectId, signedKeyTenantId, signedKeyStart, signedKeyExpiry, signedKeyService, signedKeyVersion,
/// signedAuthorizedUserObjectId, signedUnauthorizedUserObjectId, signedCorrelationId, signedIP, signedProtocol,
/// signedVersion, signedResource, signedSnapshotTime, signedEncryptionScope, rscc, rscd, rsce, rscl, rsct</c>.
/// The six <c>signedKey*</c> fields are the key's own (echoed in the URL as <c>skoid, sktid, skt, ske, sks, skv</c>),
/// so the service can re-derive the key; the signature is base64(HMAC-SHA256(base64decode(key.Value), UTF-8(string))).
/// </remarks>
internal static class UserDelegationSasSigner
{
    public static string StringToSign(BlobSasParameters sas, UserDelegationKey key) => string.Join('\n',
        sas.PermissionText, sas.StartText, sas.ExpiryText, sas.CanonicalizedResource,
        key.SignedObjectId, key.SignedTenantId, SasTime.Format(key.SignedStartsOn), SasTime.Format(key.SignedExpiresOn),
        key.SignedService, key.SignedVersion,
        string.Empty, string.Empty, string.Empty, // saoid, suoid, scid
        string.Empty, sas.Protocol ?? string.Empty, sas.Version, "b",
        string.Empty, string.Empty, // snapshot time, encryption scope
        string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    public static string Signature(BlobSasParameters sas, UserDelegationKey key) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(key.Value), Encoding.UTF8.GetBytes(StringToSign(sas, key))));

    /// <summary>The query string (without <c>?</c>): <c>sv, sr, sp, [st], se, skoid…skv, [spr], sig</c>.</summary>
    public static string Query(BlobSasParameters sas, UserDelegationKey key) =>
        new SasQueryBuilder()
            .Add("sv", sas.Version).Add("sr", "b").Add("sp", sas.PermissionText)
            .AddIfAny("st", sas.StartText).Add("se", sas.ExpiryText)
            .Add("skoid", key.SignedObjectId).Add("sktid", key.SignedTenantId)
            .Add("skt", SasTime.Format(key.SignedStartsOn)).Add("ske", SasTime.Format(key.SignedExpiresOn))
            .Add("sks", key.SignedService).Add("skv", key.SignedVersion)
            .AddIfAny("spr", sas.Protocol).Add("sig", Signature(sas, key))
            .ToString();
}
